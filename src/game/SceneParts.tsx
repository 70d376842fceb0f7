/** Pieces both ways of play show: meters, a review's traffic lights, an ending's debrief. */
import type { CompiledGame, Scene } from '../content/game-schema';
import { t } from '../i18n';
import { PracticeCardView } from '../practices/PracticeCardView';
import { trafficLight, type Meters } from './rules';
export { optionLetter } from './rules';

const Html = ({ html, class: cls }: { html: string; class?: string }) => <div class={cls} dangerouslySetInnerHTML={{ __html: html }} />;

export function MeterBars({ game, meters, changes }: { game: CompiledGame; meters: Meters; changes?: Meters }) {
  return (
    <ul class="meters" aria-label={t('game.meters')}>
      {game.meters.map((m) => {
        const value = meters[m.id] ?? m.start;
        const change = changes?.[m.id] ?? 0;
        return (
          <li key={m.id}>
            <span class="meter-name">{m.name}</span>
            <span class="meter-bar" aria-hidden="true">
              <span style={{ width: `${((value - m.min) / (m.max - m.min)) * 100}%` }} />
            </span>
            <span class="meter-value">
              {t('game.meterValue', { value, max: m.max })}
              {change !== 0 && <strong class={change > 0 ? 'up' : 'down'}> ({change > 0 ? `+${change}` : change})</strong>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function Review({ game, scene, meters }: { game: CompiledGame; scene: Extract<Scene, { type: 'review' }>; meters: Meters }) {
  return (
    <ul class="traffic-lights">
      {scene.meters.map((id) => {
        const def = game.meters.find((m) => m.id === id)!;
        const value = meters[id] ?? def.start;
        const light = trafficLight(value, scene.green, scene.yellow);
        return (
          <li key={id} class={`light-${light}`}>
            <span class="light" aria-hidden="true" />
            <span>
              <strong>{def.name}</strong>: {t(`game.light.${light}`)} ({t('game.meterValue', { value, max: def.max })})
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function Debrief({ scene, step }: { scene: Extract<Scene, { type: 'ending' }>; step?: 0 | 1 | 2 }) {
  const parts = [
    ['game.debrief.what', scene.what],
    ['game.debrief.why', scene.why],
    ['game.debrief.apply', scene.apply],
  ] as const;
  return (
    <div class="debrief">
      {parts
        .filter((_, i) => step === undefined || i === step)
        .map(([key, html]) => (
          <section key={key}>
            <h2>{t(key)}</h2>
            <Html html={html} />
          </section>
        ))}
      {(step === undefined || step === 2) && scene.practices.length > 0 && (
        <section>
          <h2>{t('game.practices')}</h2>
          {scene.practices.map((card) => (
            <PracticeCardView key={card.id} card={card} headingLevel={3} />
          ))}
        </section>
      )}
    </div>
  );
}
