/**
 * Inside an LMS: whether progress is saved there, the learner's own "Save and exit" (it ends the
 * session while the page is alive, so the LMS receives it), and, once, a plain notice when the
 * LMS's saved progress could not be restored.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { LmsLink, LmsSaveState } from './lms-link';

export function LmsStatus({ lms }: { lms: LmsLink }) {
  const [state, setState] = useState<LmsSaveState | null>(null);
  useEffect(() => lms.onStateChange(setState), [lms]);
  return (
    <div class="lms-status">
      {state && (
        <p class={`lms-state lms-${state}`} role="status">
          {t(`lms.${state}`)}
        </p>
      )}
      {state !== 'ended' && (
        <button type="button" class="lms-exit" onClick={() => lms.finish()}>
          {t('lms.exit')}
        </button>
      )}
    </div>
  );
}

/** Told once per launch: the notice stays until dismissed and does not come back on other pages. */
export function LmsRestoreNotice({ lms }: { lms: LmsLink }) {
  const [open, setOpen] = useState(lms.restoreProblem);
  if (!open) return null;
  return (
    <div class="notice notice-warning site-notice lms-not-restored" role="alert">
      {t('lms.notRestored')}{' '}
      <button type="button" class="link" onClick={() => setOpen(false)}>
        {t('lms.dismiss')}
      </button>
    </div>
  );
}
