/**
 * The plain-language checker (#/tools/kieli): paste a text, see hints in place with an explanation
 * and a plainer word where one is known. Everything runs in this browser; the text is kept only if
 * the learner asks for it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import profiles from 'virtual:kohtaamo/plain-language';
import type { Lang } from '../content/constants';
import { t } from '../i18n';
import { announce } from '../app/announce';
import { useViewFocus } from '../app/useViewFocus';
import { checkText, type CheckResult } from './check.ts';
import { guessLanguage } from './guess-language.ts';
import { lixBand } from './lix.ts';
import { HighlightedText } from './HighlightedText';
import { HintList } from './HintList';
import { forgetText, keptText, keepText } from './kept-text.ts';
import type { TextLang } from './types.ts';
import './checker.css';

type Variant = 'auto' | TextLang | 'selko';

export function CheckerView({ lang }: { lang: Lang }) {
  const heading = useViewFocus(t('checker.title'), 'checker');
  const kept = useMemo(keptText, []);
  const [text, setText] = useState(kept ?? '');
  const [keep, setKeep] = useState(kept !== null);
  const [variant, setVariant] = useState<Variant>('auto');
  const [checked, setChecked] = useState(text);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const guessed = guessLanguage(checked) ?? (lang as TextLang);
  const textLang: TextLang = variant === 'auto' ? guessed : variant === 'selko' ? 'fi' : variant;
  const result: CheckResult | null = useMemo(() => {
    if (!profiles || checked.trim() === '') return null;
    return checkText(checked, textLang, profiles[variant === 'selko' ? 'selko' : textLang]);
  }, [checked, textLang, variant]);

  // Hints follow the text as it is typed, a moment after the typing stops.
  useEffect(() => {
    const timer = window.setTimeout(() => setChecked(text), 400);
    return () => window.clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    if (result) announce(t('checker.announce', { count: result.hints.length }));
  }, [result?.hints.length, result?.summary.sentences]);
  useEffect(() => (keep ? keepText(text) : forgetText()), [keep, text]);

  const showInText = (start: number, end: number) => {
    const area = textarea.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(start, end);
  };

  return (
    <section class="checker">
      <h1 tabIndex={-1} ref={heading}>
        {t('checker.title')}
      </h1>
      <p class="lead">{t('checker.lead')}</p>
      <p>{t('checker.privacy')}</p>
      <form class="checker-form" onSubmit={(e) => { e.preventDefault(); setChecked(text); }}>
        <label for="checker-text">{t('checker.textLabel')}</label>
        <textarea id="checker-text" ref={textarea} rows={10} value={text} spellcheck={true} lang={textLang} onInput={(e) => setText(e.currentTarget.value)} />
        <div class="checker-options">
          <label for="checker-lang">{t('checker.langLabel')}</label>
          <select id="checker-lang" value={variant} onChange={(e) => setVariant(e.currentTarget.value as Variant)}>
            <option value="auto">{t('checker.langAuto', { lang: t(`checker.langs.${guessed}`) })}</option>
            {(['fi', 'selko', 'sv', 'en'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`checker.langs.${v}`)}
              </option>
            ))}
          </select>
          <label class="inline">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.currentTarget.checked)} /> {t('checker.keep')}
          </label>
          <button type="submit">{t('checker.check')}</button>
        </div>
      </form>
      {!profiles && <p class="notice notice-warning">{t('checker.noSettings')}</p>}
      {result && <CheckerResults result={result} onShow={showInText} />}
    </section>
  );
}

function CheckerResults({ result, onShow }: { result: CheckResult; onShow: (start: number, end: number) => void }) {
  const { summary, hints } = result;
  const number = (n: number, digits = 0) => new Intl.NumberFormat(document.documentElement.lang || 'fi', { maximumFractionDigits: digits }).format(n);
  const percent = new Intl.NumberFormat(document.documentElement.lang || 'fi', { style: 'percent', maximumFractionDigits: 0 }).format(summary.flaggedShare);
  return (
    <div class="checker-results">
      <h2>{t('checker.summary')}</h2>
      <dl class="checker-summary">
        <dt>{t('checker.sentences')}</dt>
        <dd>{number(summary.sentences)}</dd>
        <dt>{t('checker.words')}</dt>
        <dd>{number(summary.words)}</dd>
        <dt>{t('checker.average')}</dt>
        <dd>{t('checker.wordsCount', { count: Math.round(summary.averageSentenceWords * 10) / 10, value: number(summary.averageSentenceWords, 1) })}</dd>
        <dt>{t('checker.longest')}</dt>
        <dd>{t('checker.wordsCount', { count: summary.longestSentenceWords, value: number(summary.longestSentenceWords) })}</dd>
        <dt>{t('checker.flagged')}</dt>
        <dd>{percent}</dd>
        {summary.lix !== null && (
          <>
            <dt>{t('checker.lix')}</dt>
            <dd>
              {number(summary.lix)} – {t(`checker.lixBands.${lixBand(summary.lix)}`)}
            </dd>
          </>
        )}
      </dl>
      {result.lang !== 'sv' && <p class="checker-note">{t('checker.noLix')}</p>}
      <h2>{t('checker.inText')}</h2>
      <HighlightedText result={result} />
      <h2>{t('checker.hints', { count: hints.length })}</h2>
      {hints.length === 0 ? (
        <p>{t('checker.noHints')}</p>
      ) : (
        <HintList hints={hints} onShow={onShow} />
      )}
    </div>
  );
}
