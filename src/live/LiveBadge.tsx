/**
 * On the audience view: how to join from a phone. Large before the first card (code, QR code,
 * address), small afterwards (code and counts). Shows nothing without a live room.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { formatJoinCode } from './join-code';
import { followJoinInfo, type JoinInfo } from './live-channel';
import './live-badge.css';

export function LiveBadge({ gameId, large, onCard }: { gameId: string; large: boolean; onCard: boolean }) {
  const [info, setInfo] = useState<JoinInfo | null>(null);
  useEffect(() => followJoinInfo(gameId, setInfo), [gameId]);
  if (!info) return null;
  if (large) {
    return (
      <section class="live-badge-large" aria-label={t('live.joinHeading')}>
        <div class="live-qr" role="img" aria-label={t('live.qrLabel', { url: info.joinUrl })} dangerouslySetInnerHTML={{ __html: info.qrSvg }} />
        <div>
          <p>{t('live.joinAt', { url: info.joinUrl })}</p>
          <p class="live-badge-code">{formatJoinCode(info.code)}</p>
          <p>{t('live.joinedCount', { count: info.joined })}</p>
        </div>
      </section>
    );
  }
  return (
    <p class="live-badge-small">
      {t('live.codeLabel')}: <strong>{formatJoinCode(info.code)}</strong> · {t('live.joinedCount', { count: info.joined })}
      {onCard && <> · {t('live.votedOf', { voted: info.voted, joined: info.joined })}</>}
    </p>
  );
}
