/** One question, answerable by mouse, touch and keyboard alike; in review it shows what teaches. */
import type { Question } from '../../content/schema';
import { t } from '../../i18n';
import { shuffledOrder, type Response } from '../scoring';
import { Feedback } from './Feedback';
import { OrderingInput } from './OrderingInput';
import { Icon } from '../../app/Icon';
import { noBreakCompoundsHtml } from '../typography';
import { packageInfo } from '../../lms/package-info';

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

/** The response a learner gives by not changing anything (only ordering has one). */
export function defaultResponse(question: Question): Response | undefined {
  if (question.type === 'ordering') return { type: 'ordering', order: shuffledOrder(question.items.map((i) => i.id), question.id) };
  return undefined;
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
        <span class="question-hint">{t(`question.hint.${question.type}`)}</span>
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
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const chosen = new Set(
        response?.type === 'single' ? [response.option] : response?.type === 'multiple' ? response.options : [],
      );
      return (
        <ul class="options">
          {question.options.map((option) => {
            const id = `${idPrefix}-${option.id}`;
            const toggle = () => {
              if (question.type === 'single') onChange({ type: 'single', option: option.id });
              else {
                const next = new Set(chosen);
                if (next.has(option.id)) next.delete(option.id);
                else next.add(option.id);
                onChange({ type: 'multiple', options: question.options.map((o) => o.id).filter((o) => next.has(o)) });
              }
            };
            return (
              <li key={option.id}>
                <input
                  type={question.type === 'single' ? 'radio' : 'checkbox'}
                  id={id}
                  name={idPrefix}
                  checked={chosen.has(option.id)}
                  disabled={reviewing}
                  onChange={toggle}
                />
                <label for={id} class={reviewing && chosen.has(option.id) ? `is-chosen ${option.correct ? 'is-correct' : 'is-wrong'}` : undefined}>
                  <span dangerouslySetInnerHTML={{ __html: noBreakCompoundsHtml(option.html) }} />
                  {reviewing && chosen.has(option.id) && <ChosenMark correct={option.correct} />}
                </label>
              </li>
            );
          })}
        </ul>
      );
    }
    case 'truefalse': {
      const value = response?.type === 'truefalse' ? response.value : undefined;
      return (
        <ul class="options">
          {[true, false].map((v) => (
            <li key={String(v)}>
              <input
                type="radio"
                id={`${idPrefix}-${v}`}
                name={idPrefix}
                checked={value === v}
                disabled={reviewing}
                onChange={() => onChange({ type: 'truefalse', value: v })}
              />
              <label for={`${idPrefix}-${v}`} class={reviewing && value === v ? `is-chosen ${v === question.answer ? 'is-correct' : 'is-wrong'}` : undefined}>
                {t(v ? 'question.true' : 'question.false')}
                {reviewing && value === v && <ChosenMark correct={v === question.answer} />}
              </label>
            </li>
          ))}
        </ul>
      );
    }
    case 'ordering':
      return (
        <OrderingInput
          items={question.items}
          order={response?.type === 'ordering' ? response.order : []}
          disabled={reviewing}
          onChange={(order) => onChange({ type: 'ordering', order })}
        />
      );
    case 'matching': {
      const matches = response?.type === 'matching' ? response.matches : {};
      return (
        <ul class="matching">
          {question.pairs.map((pair) => {
            const id = `${idPrefix}-${pair.id}`;
            return (
              <li key={pair.id}>
                <label for={id} dangerouslySetInnerHTML={{ __html: pair.left }} />
                <select
                  id={id}
                  disabled={reviewing}
                  value={matches[pair.id] === undefined ? '' : String(matches[pair.id])}
                  onChange={(e) => {
                    const value = (e.currentTarget as HTMLSelectElement).value;
                    const next = { ...matches };
                    if (value === '') delete next[pair.id];
                    else next[pair.id] = Number(value);
                    onChange({ type: 'matching', matches: next });
                  }}
                >
                  <option value="">{t('question.choose')}</option>
                  {question.rights.map((right, i) => (
                    <option key={i} value={String(i)}>
                      {right}
                    </option>
                  ))}
                </select>
                {/* A phone's select shows only the start of a long target: the whole choice is shown below it. */}
                {matches[pair.id] !== undefined && (
                  <p class="matching-chosen" aria-hidden="true">
                    {question.rights[matches[pair.id]!]}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      );
    }
    case 'reflection': {
      const id = `${idPrefix}-text`;
      return (
        <div class="reflection">
          <label for={id}>{t('question.yourThoughts')}</label>
          <textarea
            id={id}
            rows={5}
            aria-describedby={`${id}-note`}
            readOnly={reviewing}
            value={response?.type === 'reflection' ? response.text : ''}
            onInput={(e) => onChange({ type: 'reflection', text: (e.currentTarget as HTMLTextAreaElement).value })}
          />
          {/* Honest about where the text goes: inside an LMS package it is reported to the LMS. */}
          <p id={`${id}-note`} class="small">
            {t(packageInfo() ? 'question.sentToLms' : 'question.keptHere')}
          </p>
        </div>
      );
    }
  }
}

/** After checking, the chosen option keeps full contrast and says whether it was right. */
function ChosenMark({ correct }: { correct: boolean }) {
  return (
    <span class="chosen-mark">
      {' '}
      <Icon name={correct ? 'check' : 'cross'} />
      <span class="visually-hidden">
        {' '}
        {t(correct ? 'question.chosenRight' : 'question.chosenWrong')}
      </span>
    </span>
  );
}
