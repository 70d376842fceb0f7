/** A stored play that cannot be resumed: say why, and offer to discard that play only. */
import { useState } from 'preact/hooks';
import { t } from '../i18n';

export function BrokenPlay({ problem, onDiscard }: { problem: string; onDiscard: () => Promise<void> }) {
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <div class="notice notice-error" role="alert">
      <p>{t('brokenPlay.text', { problem })}</p>
      <button type="button" onClick={() => onDiscard().catch((e: unknown) => setFailed(String(e)))}>
        {t('brokenPlay.discard')}
      </button>
      {failed && <p>{t('storage.writeFailed')} {failed}</p>}
    </div>
  );
}
