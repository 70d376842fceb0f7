/**
 * The facilitator's notes on the console: the notes for the current card (folded by default) and the
 * timing plan with the time used so far. Loaded from the guide's own chunk; the audience view and the
 * participants' views never import this module.
 */
import type { CompiledGame } from '../../content/game-schema';
import type { FacilitatorGuide } from '../../content/facilitator-compiler';
import { useContent } from '../../app/useContent';
import { t } from '../../i18n';
import { loadGuide } from './load';
import './facilitator.css';

interface ConsoleNotesProps {
  game: CompiledGame;
  sceneId: string;
  /** When the workshop started (ms), or null before it has. */
  startedAt: number | null;
  now: number;
}

export function ConsoleNotes({ game, sceneId, startedAt, now }: ConsoleNotesProps) {
  const guide = useContent(loadGuide, game.id, game.lang);
  if (guide === null) return null;
  if (guide === 'missing') return <p class="small">{t('facilitator.noCardNotes')}</p>;
  const note = guide.scenes[sceneId];
  return (
    <>
      <details class="card-notes" data-slot="card-notes">
        <summary>{t('facilitator.cardNotes')}</summary>
        {note ? <div class="scene-note"><SceneNote note={note} /></div> : <p class="small">{t('facilitator.noCardNotes')}</p>}
      </details>
      <TimingPlan guide={guide} sceneId={sceneId} startedAt={startedAt} now={now} />
    </>
  );
}

/** One scene's notes: what to say, discussion points, pitfalls, background. The guide page shows them too. */
export function SceneNote({ note, heading: H = 'h3' }: { note: FacilitatorGuide['scenes'][string]; heading?: 'h3' | 'h4' }) {
  return (
    <div class="scene-note-body">
      <H>{t('facilitator.say')}</H>
      <div dangerouslySetInnerHTML={{ __html: note.say }} />
      {note.discussion.length > 0 && (
        <>
          <H>{t('facilitator.discussion')}</H>
          <ul>
            {note.discussion.map((d, i) => (
              <li key={i} dangerouslySetInnerHTML={{ __html: d }} />
            ))}
          </ul>
        </>
      )}
      {note.pitfalls.length > 0 && (
        <>
          <H>{t('facilitator.pitfalls')}</H>
          <ul>
            {note.pitfalls.map((d, i) => (
              <li key={i} dangerouslySetInnerHTML={{ __html: d }} />
            ))}
          </ul>
        </>
      )}
      {note.background && (
        <>
          <H>{t('facilitator.background')}</H>
          <div dangerouslySetInnerHTML={{ __html: note.background }} />
        </>
      )}
    </div>
  );
}

/** Where the session is in the plan: the step that lists the current scene, and minutes planned by its end. */
export function planPosition(guide: FacilitatorGuide, sceneId: string): { step: number; plannedByEnd: number } | null {
  let total = 0;
  for (let i = 0; i < guide.timing.length; i++) {
    total += guide.timing[i]!.minutes;
    if (guide.timing[i]!.scenes.includes(sceneId)) return { step: i, plannedByEnd: total };
  }
  return null;
}

function TimingPlan({ guide, sceneId, startedAt, now }: { guide: FacilitatorGuide; sceneId: string; startedAt: number | null; now: number }) {
  const position = planPosition(guide, sceneId);
  const used = startedAt === null ? 0 : Math.max(0, Math.floor((now - startedAt) / 60_000));
  return (
    <details class="timing-notes">
      <summary>
        {t('facilitator.timing')}
        {position && startedAt !== null ? ` · ${t('facilitator.timeUsed', { used, planned: position.plannedByEnd })}` : ''}
      </summary>
      <ol>
        {guide.timing.map((step, i) => (
          <li key={i} aria-current={position?.step === i ? 'step' : undefined} class={position?.step === i ? 'current' : undefined}>
            <span dangerouslySetInnerHTML={{ __html: step.step }} /> – {t('facilitator.minutesShort', { count: step.minutes })}
          </li>
        ))}
      </ol>
    </details>
  );
}
