/** "A new version is available – update": shown while a new version waits; nothing else. */
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { useWaitingUpdate } from './update-state';

export function UpdateNotice() {
  const apply = useWaitingUpdate();
  const [updating, setUpdating] = useState(false);
  if (!apply) return null;
  return (
    <div class="notice notice-ok site-notice update-notice" role="status">
      {t('update.available')}{' '}
      <button
        type="button"
        disabled={updating}
        onClick={() => {
          setUpdating(true);
          void apply();
        }}
      >
        {updating ? t('update.updating') : t('update.apply')}
      </button>
    </div>
  );
}
