/** One question, answerable by mouse, touch and keyboard alike; in review it shows what teaches. */
import type { Question } from '../../content/schema';
import { t } from '../../i18n';
import type { Response } from '../scoring';
import { Feedback } from './Feedback';
import { noBreakCompoundsHtml } from '../typography';
import { rulesOf, sameType } from './registry';
import { textsOf, viewOf } from './view-registry';

export interface QuestionViewProps {
  question: Question;
  response: Response | undefined;
  onChange: (response: Response) => void;
  reviewing: boolean;
  /** Unique per place the question appears, so ids never clash. */
  idPrefix: string;
  label?: string;
  error?: string;
  /** In review: false keeps the correct answers hidden (a first wrong try). */
  reveal?: boolean;
}

/** The response a learner gives by not changing anything (the types that start prefilled have one). */
export function defaultResponse(question: Question): Response | undefined {
  return rulesOf(question.type).defaultResponse?.(question);
}

export function QuestionView({ question, response, onChange, reviewing, idPrefix, label, error, reveal = true }: QuestionViewProps) {
  const promptId = `${idPrefix}-prompt`;
  const errorId = `${idPrefix}-error`;
  const effective = response ?? defaultResponse(question);
  return (
    <div class="question" role="group" aria-labelledby={promptId} aria-describedby={error ? errorId : undefined}>
      <div id={promptId} class="question-prompt">
        {label && <span class="question-label">{label}</span>}
        <div dangerouslySetInnerHTML={{ __html: noBreakCompoundsHtml(question.prompt) }} />
        <span class="question-hint">{t(textsOf(question.type).hint)}</span>
      </div>
      <Inputs question={question} response={effective} onChange={onChange} reviewing={reviewing} idPrefix={idPrefix} />
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
      {reviewing && effective && <Feedback question={question} response={effective} reveal={reveal} />}
    </div>
  );
}

function Inputs({ question, response, onChange, reviewing, idPrefix }: Omit<QuestionViewProps, 'label' | 'error' | 'reveal'>) {
  const { Input } = viewOf(question.type);
  return <Input question={question} response={sameType(question, response)} onChange={onChange} reviewing={reviewing} idPrefix={idPrefix} />;
}
