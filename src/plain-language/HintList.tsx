/** The checker's hints as a numbered list: what was found, why it is hard to read, a plainer word. */
import { t } from '../i18n';
import type { Hint } from './types.ts';

export function HintList({ hints, onShow, idPrefix = 'checker-hint' }: { hints: Hint[]; onShow: (start: number, end: number) => void; idPrefix?: string }) {
  return (
    <ol class="checker-hints">
      {hints.map((hint, i) => (
        <li key={`${hint.rule}-${hint.start}`} id={`${idPrefix}-${i + 1}`}>
          <p>
            <strong>{t(`checker.rules.${hint.rule}.name`)}:</strong> <q>{hint.text.length > 160 ? `${hint.text.slice(0, 157)}…` : hint.text}</q>
          </p>
          <p>{t(`checker.rules.${hint.rule}.explain`)}</p>
          {hint.plain && <p>{t('checker.plainer', { plain: hint.plain })}</p>}
          <button type="button" class="secondary small" onClick={() => onShow(hint.start, hint.end)}>
            {t('checker.showInText')}
          </button>
        </li>
      ))}
    </ol>
  );
}
