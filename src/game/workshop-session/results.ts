/** What a finished (or running) workshop adds up to: places, the cards to talk about, per-option counts. */
import type { CompiledGame, GameOption } from '../../content/game-schema';
import { isDecision, type RoundRecord, type SessionContext, type Team } from './machine';

/** Teams by score; tied teams share a place (1, 1, 3). */
export function ranking(teams: Team[]): { team: Team; place: number }[] {
  const sorted = [...teams].sort((a, b) => b.score - a.score);
  return sorted.map((team) => ({ team, place: sorted.findIndex((t) => t.score === team.score) + 1 }));
}

/** How many teams chose each option (or the votes), in option order. */
export function recordCounts(options: GameOption[], record: Pick<RoundRecord, 'choices' | 'tally'>, recording: SessionContext['recording']): number[] {
  if (recording === 'tally') return options.map((o) => record.tally[o.id] ?? 0);
  return options.map((o) => Object.values(record.choices).filter((c) => c === o.id).length);
}

export interface WeakCard {
  scene: string;
  title: string;
  /** Points the room left on the table, per team or vote on average. */
  shortfall: number;
  /** The option most chosen, and the best one. */
  mostChosen: GameOption;
  best: GameOption;
}

/** The two or three cards where the room's choices scored worst against the best option. */
export function weakestCards(game: CompiledGame, context: Pick<SessionContext, 'log' | 'recording'>, limit = 3): WeakCard[] {
  const weak: WeakCard[] = [];
  for (const record of context.log) {
    const scene = game.scenes[record.scene];
    if (!isDecision(scene)) continue;
    const counts = recordCounts(scene.options, record, context.recording);
    const total = counts.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    const best = scene.options.reduce((a, b) => (b.points > a.points ? b : a));
    const got = scene.options.reduce((sum, o, i) => sum + o.points * counts[i]!, 0) / total;
    const most = scene.options[counts.indexOf(Math.max(...counts))]!;
    if (best.points - got > 0) weak.push({ scene: scene.id, title: scene.title, shortfall: best.points - got, mostChosen: most, best });
  }
  return weak.sort((a, b) => b.shortfall - a.shortfall).slice(0, limit);
}
