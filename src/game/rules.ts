/** The rules every game follows: conditions, effects, branches, scores. Pure functions. */
import type { Branch, CompiledGame, Condition, GameOption, Scene } from '../content/game-schema';

export type Meters = Record<string, number>;

export function holds(conditions: Condition[], meters: Meters): boolean {
  return conditions.every(({ meter, op, value }) => {
    const v = meters[meter] ?? 0;
    switch (op) {
      case '>=':
        return v >= value;
      case '<=':
        return v <= value;
      case '>':
        return v > value;
      case '<':
        return v < value;
      case '==':
        return v === value;
    }
  });
}

/** Adds the effects, keeping every meter within its range. */
export function applyEffects(game: Pick<CompiledGame, 'meters'>, meters: Meters, effects: Record<string, number>): Meters {
  const out = { ...meters };
  for (const def of game.meters) {
    const change = effects[def.id];
    if (change) out[def.id] = Math.min(def.max, Math.max(def.min, (out[def.id] ?? def.start) + change));
  }
  return out;
}

export function startMeters(game: Pick<CompiledGame, 'meters'>): Meters {
  return Object.fromEntries(game.meters.map((m) => [m.id, m.start]));
}

export function availableOptions(scene: Scene, meters: Meters): GameOption[] {
  return scene.type === 'choices' ? scene.options.filter((o) => holds(o.if, meters)) : [];
}

/** The scene that follows, or null when no branch matches (a dead end the validator reports). */
export function nextScene(branches: Branch[], meters: Meters): string | null {
  return branches.find((b) => holds(b.if, meters))?.to ?? null;
}

/** The most points a play can collect: the best option of every choice scene on the way. */
export function maxPoints(game: CompiledGame): number {
  // Cards games are linear; take the best option per scene, which bounds every path.
  return Object.values(game.scenes).reduce((sum, s) => sum + (s.type === 'choices' ? Math.max(0, ...s.options.map((o) => o.points)) : 0), 0);
}

/** Per cent 0–100 for a finished play. */
export function gameScore(game: CompiledGame, ending: Scene | undefined, points: number): number {
  if (game.scoring === 'endings') return ending?.type === 'ending' ? (ending.score ?? 0) : 0;
  const max = maxPoints(game);
  return max === 0 ? 0 : Math.round((points / max) * 100);
}

/** Traffic-light status of a meter in a review scene. */
export function trafficLight(value: number, green: number, yellow: number): 'green' | 'yellow' | 'red' {
  return value >= green ? 'green' : value >= yellow ? 'yellow' : 'red';
}

/** The letter shown for an option: A, B, C… */
export const optionLetter = (index: number) => String.fromCharCode(65 + index);
