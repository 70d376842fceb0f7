/** The whole facilitator guide on one printable page: plan, timing, notes per scene, debrief. */
import type { FacilitatorGuide } from '../../content/facilitator-compiler';
import type { CompiledGame } from '../../content/game-schema';
import { href, PRINT_MATERIALS } from '../../app/router';
import { useViewFocus } from '../../app/useViewFocus';
import { t } from '../../i18n';
import { SceneNote } from './ConsoleNotes';

export function GuideDocument({ game, guide }: { game: CompiledGame; guide: FacilitatorGuide }) {
  const heading = useViewFocus(t('facilitator.guideTitle', { game: game.title }), `guide-${game.id}`);
  let elapsed = 0;
  const noted = game.order.filter((id) => guide.scenes[id]);
  return (
    <article class="facilitator-guide">
      <p class="eyebrow">{t('facilitator.eyebrow')}</p>
      <h1 tabIndex={-1} ref={heading}>
        {t('facilitator.guideTitle', { game: game.title })}
      </h1>
      <p class="facilitator-only">{t('facilitator.onlyForYou')}</p>
      <div class="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t('facilitator.printGuide')}
        </button>
        <a class="button secondary" href={href({ name: 'game', gameId: game.id })}>
          {t('facilitator.backToGame')}
        </a>
      </div>
      <nav class="no-print" aria-labelledby="print-materials-heading">
        <h2 id="print-materials-heading">{t('facilitator.printables')}</h2>
        <ul>
          {PRINT_MATERIALS.map((material) => (
            <li key={material}>
              <a href={href({ name: 'game-print', gameId: game.id, material })}>{t(`facilitator.material.${material}.title`)}</a> – {t(`facilitator.material.${material}.what`)}
            </li>
          ))}
        </ul>
      </nav>
      <h2>{t('facilitator.purpose')}</h2>
      <div dangerouslySetInnerHTML={{ __html: guide.purpose }} />
      <h2>{t('facilitator.goals')}</h2>
      <ul>
        {guide.goals.map((goal, i) => (
          <li key={i} dangerouslySetInnerHTML={{ __html: goal }} />
        ))}
      </ul>
      <h2>{t('facilitator.preparation')}</h2>
      <ul>
        {guide.preparation.map((step, i) => (
          <li key={i} dangerouslySetInnerHTML={{ __html: step }} />
        ))}
      </ul>
      <h2>{t('facilitator.timing')}</h2>
      <div class="table-wrap">
        <table class="timing-plan">
          <caption class="visually-hidden">{t('facilitator.timingCaption', { minutes: game.minutes })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('facilitator.clock')}</th>
              <th scope="col">{t('facilitator.step')}</th>
              <th scope="col">{t('facilitator.minutes')}</th>
            </tr>
          </thead>
          <tbody>
            {guide.timing.map((step, i) => {
              const from = elapsed;
              elapsed += step.minutes;
              return (
                <tr key={i}>
                  <td>{t('facilitator.range', { from, to: elapsed })}</td>
                  <td dangerouslySetInnerHTML={{ __html: step.step }} />
                  <td>{step.minutes}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2>{t('facilitator.sceneNotes')}</h2>
      {noted.map((id) => {
        const note = guide.scenes[id]!;
        return (
          <section key={id} class="scene-note" aria-labelledby={`note-${id}`}>
            <h3 id={`note-${id}`}>{game.scenes[id]!.title}</h3>
            <SceneNote note={note} heading="h4" />
          </section>
        );
      })}
      <h2>{t('facilitator.debrief')}</h2>
      <ol>
        {guide.debrief.map((q, i) => (
          <li key={i} dangerouslySetInnerHTML={{ __html: q }} />
        ))}
      </ol>
      {guide.sources.length > 0 && (
        <>
          <h2>{t('facilitator.sources')}</h2>
          <ul>
            {guide.sources.map((s, i) => (
              <li key={i} dangerouslySetInnerHTML={{ __html: s }} />
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
