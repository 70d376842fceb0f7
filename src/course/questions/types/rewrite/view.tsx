/**
 * The rewrite exercise: the original text, the learner's version in a text area that starts with
 * the original (rewriting is editing: nobody should have to retype the parts that are fine), a
 * check with the plain-language checker, and, once saved, the model answer with what changed.
 */
import type { ComponentType } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { i18n, loadStrings, t } from '../../../../i18n';
import type { Lang } from '../../../../content/constants';
import type { FeedbackProps, InputProps, QuestionTypeView } from '../../question-view';
import { whereTextGoes } from '../reflection/view';
import type { RewriteQuestion, RewriteResponse } from './rules';
import { wordDiff } from './word-diff';
import type { WritingHintsProps } from './WritingHints';
import type { ViewsByType } from '../../view-registry.ts';

function RewriteInput({ question, response, onChange, reviewing, idPrefix }: InputProps<RewriteQuestion, RewriteResponse>) {
  const id = `${idPrefix}-text`;
  const text = response?.text ?? question.original;
  const [checked, setChecked] = useState<string | null>(null);
  const [Hints, setHints] = useState<ComponentType<WritingHintsProps> | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const check = async () => {
    if (!Hints) {
      // The checker's hints and their strings (not part of a course page's first load) come together.
      const [loaded] = await Promise.all([import('./WritingHints').then((m) => m.default), loadStrings(i18n.language as Lang)]);
      setHints(() => loaded);
    }
    setChecked(text);
  };
  const showInText = (start: number, end: number) => {
    area.current?.focus();
    area.current?.setSelectionRange(start, end);
  };
  return (
    <div class="reflection rewrite">
      <p class="feedback-heading" id={`${idPrefix}-original-label`}>
        {t('rewrite.original')}
      </p>
      <blockquote class="rewrite-original" lang={question.lang} aria-labelledby={`${idPrefix}-original-label`}>
        {question.original}
      </blockquote>
      <label for={id}>{t('rewrite.yourVersion')}</label>
      <textarea
        id={id}
        ref={area}
        rows={6}
        lang={question.lang}
        spellcheck={true}
        aria-describedby={`${id}-note`}
        readOnly={reviewing}
        value={text}
        onInput={(e) => onChange({ type: 'rewrite', text: (e.currentTarget as HTMLTextAreaElement).value })}
      />
      <p id={`${id}-note`} class="small">
        {whereTextGoes()}
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={check}>
          {t('rewrite.check')}
        </button>
        {!reviewing && text !== question.original && (
          <button type="button" class="secondary" onClick={() => onChange({ type: 'rewrite', text: question.original })}>
            {t('rewrite.restore')}
          </button>
        )}
      </div>
      {Hints && checked !== null && <Hints text={checked} lang={question.lang} idPrefix={idPrefix} onShow={showInText} />}
    </div>
  );
}

function ModelAnswer({ question }: FeedbackProps<RewriteQuestion, RewriteResponse>) {
  return (
    <div class="option-feedback rewrite-model">
      <p class="feedback-heading">{t('rewrite.model')}</p>
      <p class="small">{t('rewrite.diffLegend')}</p>
      <p class="rewrite-diff" lang={question.lang}>
        {wordDiff(question.original, question.model).map((part, i) =>
          part.kind === 'same' ? (
            part.text
          ) : part.kind === 'added' ? (
            <ins key={i}>
              <span class="visually-hidden">[{t('rewrite.added')}: </span>
              {part.text}
              <span class="visually-hidden">] </span>
            </ins>
          ) : (
            <del key={i}>
              <span class="visually-hidden">[{t('rewrite.removed')}: </span>
              {part.text}
              <span class="visually-hidden">] </span>
            </del>
          ),
        )}
      </p>
      <p class="feedback-heading">{t('rewrite.modelPlain')}</p>
      <blockquote class="rewrite-original" lang={question.lang}>
        {question.model}
      </blockquote>
      {question.changes.length > 0 && (
        <>
          <p class="feedback-heading">{t('rewrite.whatChanged')}</p>
          <ul>
            {question.changes.map((html, i) => (
              <li key={i} dangerouslySetInnerHTML={{ __html: html }} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export const rewriteView: QuestionTypeView<RewriteQuestion, RewriteResponse> = {
  Input: RewriteInput,
  Details: ModelAnswer,
  texts: { hint: 'rewrite.hint', submit: 'rewrite.showModel', retry: 'check.edit', answerFirst: 'rewrite.changeFirst' },
};

/** Registers the type (see type-folders.ts): its view. */
export const views = { rewrite: rewriteView } satisfies Partial<ViewsByType>;
