/**
 * Printable material for rooms without a good screen, generated from the game's content and printed
 * from the browser (A4, black and white): scenario cards (A5, two per sheet, fronts for the teams and
 * backs for the facilitator), voting cards, a score sheet and an action-plan template.
 */
import type { FacilitatorGuide } from '../../content/facilitator-compiler';
import type { CompiledGame, Scene } from '../../content/game-schema';
import { href, type PrintMaterial } from '../../app/router';
import { useViewFocus } from '../../app/useViewFocus';
import { t } from '../../i18n';

type ChoiceScene = Extract<Scene, { type: 'choices' }>;
const LETTERS = 'ABCDEFGH';
const TEAM_COLUMNS = 6;
const ACTION_ROWS = 8;

export function choiceScenes(game: CompiledGame): ChoiceScene[] {
  return game.order.map((id) => game.scenes[id]!).filter((s): s is ChoiceScene => s.type === 'choices');
}

/** Sheets of A4 each material prints on; the print test checks the PDF against this. */
export function sheetCount(game: CompiledGame, material: PrintMaterial): number {
  const cards = choiceScenes(game).length;
  if (material === 'cards') return 2 * Math.ceil(cards / 2);
  if (material === 'voting') return votingLetters(game).length;
  return 1;
}

function votingLetters(game: CompiledGame): string[] {
  const most = Math.max(4, ...choiceScenes(game).map((s) => s.options.length));
  return [...LETTERS.slice(0, most)];
}

export function PrintMaterialView({ game, material, guide }: { game: CompiledGame; material: PrintMaterial; guide: FacilitatorGuide | null }) {
  const title = t(`facilitator.material.${material}.title`);
  const heading = useViewFocus(`${title}: ${game.title}`, `print-${game.id}-${material}`);
  return (
    <article class="print-material">
      <div class="no-print">
        <p class="eyebrow">{t('facilitator.eyebrow')}</p>
        <h1 tabIndex={-1} ref={heading}>
          {title}: {game.title}
        </h1>
        <p>{t(`facilitator.material.${material}.how`)}</p>
        <div class="actions">
          <button type="button" onClick={() => window.print()}>
            {t('facilitator.print')}
          </button>
          <a class="button secondary" href={href({ name: 'game-guide', gameId: game.id })}>
            {t('facilitator.backToGuide')}
          </a>
        </div>
      </div>
      <div class={`print-sheets print-${material}`}>
        {material === 'cards' && <ScenarioCards game={game} />}
        {material === 'voting' && votingLetters(game).map((letter) => <VotingCard key={letter} letter={letter} />)}
        {material === 'scores' && <ScoreSheet game={game} />}
        {material === 'actions' && <ActionPlan game={game} guide={guide} />}
      </div>
    </article>
  );
}

function ScenarioCards({ game }: { game: CompiledGame }) {
  const scenes = choiceScenes(game);
  const pairs: ChoiceScene[][] = [];
  for (let i = 0; i < scenes.length; i += 2) pairs.push(scenes.slice(i, i + 2));
  return (
    <>
      {pairs.flatMap((pair, p) => [
        <section key={`front-${p}`} class="print-sheet halves" aria-label={t('facilitator.fronts', { from: p * 2 + 1, to: p * 2 + pair.length })}>
          {pair.map((scene, i) => (
            <CardFront key={scene.id} scene={scene} number={p * 2 + i + 1} game={game} />
          ))}
        </section>,
        <section key={`back-${p}`} class="print-sheet halves" aria-label={t('facilitator.backs', { from: p * 2 + 1, to: p * 2 + pair.length })}>
          {pair.map((scene, i) => (
            <CardBack key={scene.id} scene={scene} number={p * 2 + i + 1} />
          ))}
        </section>,
      ])}
    </>
  );
}

function CardFront({ scene, number, game }: { scene: ChoiceScene; number: number; game: CompiledGame }) {
  return (
    <div class="print-half card-front">
      <p class="card-meta">
        {game.title} · {t('facilitator.cardNumber', { number })}
        {scene.round ? ` · ${t('facilitator.round', { round: scene.round })}` : ''}
      </p>
      <h2>{scene.title}</h2>
      <div class="card-text" dangerouslySetInnerHTML={{ __html: scene.html }} />
      <ol class="card-options">
        {scene.options.map((option, i) => (
          <li key={option.id}>
            <span class="letter">{LETTERS[i]}</span> <span dangerouslySetInnerHTML={{ __html: option.html }} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function CardBack({ scene, number }: { scene: ChoiceScene; number: number }) {
  const best = Math.max(...scene.options.map((o) => o.points));
  return (
    <div class="print-half card-back">
      <p class="card-meta">
        {t('facilitator.cardNumber', { number })} · {t('facilitator.forFacilitator')}
      </p>
      <h2>{scene.title}</h2>
      <ol class="card-answers">
        {scene.options.map((option, i) => (
          <li key={option.id}>
            <p class="answer-head">
              <span class="letter">{LETTERS[i]}</span> {t('facilitator.points', { count: option.points })}
              {option.points === best ? ` ★ ${t('facilitator.best')}` : ''}
            </p>
            <div dangerouslySetInnerHTML={{ __html: option.feedback }} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function VotingCard({ letter }: { letter: string }) {
  return (
    <section class="print-sheet voting-card" aria-label={t('facilitator.votingCard', { letter })}>
      <p class="voting-letter" aria-hidden="true">
        {letter}
      </p>
    </section>
  );
}

function ScoreSheet({ game }: { game: CompiledGame }) {
  const scenes = choiceScenes(game);
  const teams = Array.from({ length: TEAM_COLUMNS }, (_, i) => i + 1);
  return (
    <section class="print-sheet score-sheet" aria-label={t('facilitator.material.scores.title')}>
      <h2>
        {t('facilitator.material.scores.title')}: {game.title}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('facilitator.card')}</th>
            <th scope="col">{t('facilitator.bestPoints')}</th>
            {teams.map((n) => (
              <th key={n} scope="col">
                {t('facilitator.teamColumn', { number: n })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {scenes.map((scene, i) => (
            <tr key={scene.id}>
              <th scope="row">
                {i + 1}. {scene.title}
              </th>
              <td>{Math.max(...scene.options.map((o) => o.points))}</td>
              {teams.map((n) => (
                <td key={n} />
              ))}
            </tr>
          ))}
          <tr class="total">
            <th scope="row">{t('facilitator.total')}</th>
            <td>{scenes.reduce((sum, s) => sum + Math.max(...s.options.map((o) => o.points)), 0)}</td>
            {teams.map((n) => (
              <td key={n} />
            ))}
          </tr>
        </tbody>
      </table>
      <p class="small">{t('facilitator.teamNames')}</p>
    </section>
  );
}

function ActionPlan({ game, guide }: { game: CompiledGame; guide: FacilitatorGuide | null }) {
  const questions = [t('facilitator.debriefWhat'), t('facilitator.debriefWhy'), t('facilitator.debriefDo')];
  return (
    <section class="print-sheet action-plan" aria-label={t('facilitator.material.actions.title')}>
      <h2>
        {t('facilitator.material.actions.title')}: {game.title}
      </h2>
      <p>{t('facilitator.dateAndTeam')}</p>
      {questions.map((q, i) => (
        <div key={i} class="write-in">
          <h3>{q}</h3>
          <div class="lines" />
        </div>
      ))}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('workshop.action')}</th>
            <th scope="col">{t('workshop.owner')}</th>
            <th scope="col">{t('workshop.due')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: ACTION_ROWS }, (_, i) => (
            <tr key={i}>
              <td />
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
      {guide && guide.debrief.length > 0 && <p class="small">{t('facilitator.guideHasQuestions')}</p>}
    </section>
  );
}
