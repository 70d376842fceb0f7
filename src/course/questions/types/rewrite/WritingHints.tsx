/**
 * The plain-language checker's hints on the learner's version, marked in place and listed as on
 * the checker page. Loaded only when the learner asks for a check: the checker and its word lists
 * stay out of the course page until then.
 */
import { useEffect, useMemo } from 'preact/hooks';
import profiles from 'virtual:kohtaamo/plain-language';
import { t } from '../../../../i18n';
import { announce } from '../../../../app/announce';
import { checkText } from '../../../../plain-language/check';
import { HighlightedText } from '../../../../plain-language/HighlightedText';
import { HintList } from '../../../../plain-language/HintList';
import type { TextLang } from '../../../../plain-language/types';

export interface WritingHintsProps {
  text: string;
  lang: TextLang;
  idPrefix: string;
  /** Selects a hint's words in the learner's text area. */
  onShow: (start: number, end: number) => void;
}

export default function WritingHints({ text, lang, idPrefix, onShow }: WritingHintsProps) {
  const result = useMemo(() => (profiles ? checkText(text, lang, profiles[lang]) : null), [text, lang]);
  useEffect(() => announce(result ? t('checker.announce', { count: result.hints.length }) : t('checker.noSettings')), [result]);
  if (!result) return <p class="notice notice-warning">{t('checker.noSettings')}</p>;
  return (
    <div class="rewrite-hints">
      <h3>{t('rewrite.hintsTitle', { count: result.hints.length })}</h3>
      {result.hints.length === 0 ? (
        <p>{t('rewrite.noHints')}</p>
      ) : (
        <>
          <HighlightedText result={result} />
          <HintList hints={result.hints} onShow={onShow} idPrefix={`${idPrefix}-hint`} />
        </>
      )}
    </div>
  );
}
