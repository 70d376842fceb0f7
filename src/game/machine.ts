/**
 * Compiles a game definition into an XState v5 machine: one state per scene, CHOOSE events for
 * options (guarded by their conditions), CONTINUE for reviews and discussions, TIMEOUT for timers,
 * and a final state per ending. The machine knows nothing about any particular game.
 */
import { assign, setup, type SnapshotFrom } from 'xstate';
import type { CompiledGame, GameOption } from '../content/game-schema';
import { applyEffects, holds, startMeters, type Meters } from './rules';

export interface GameContext {
  meters: Meters;
  points: number;
  /** Every step taken: scene and option (or `timeout` / `continue`). */
  path: { scene: string; choice: string }[];
}

export type GameEvent = { type: 'CHOOSE'; option: string } | { type: 'CONTINUE' } | { type: 'TIMEOUT' };

export function createGameMachine(game: CompiledGame) {
  const options = new Map<string, GameOption>();
  for (const scene of Object.values(game.scenes)) {
    if (scene.type === 'choices') for (const o of scene.options) options.set(`${scene.id}/${o.id}`, o);
  }

  const states: Record<string, object> = {};
  for (const scene of Object.values(game.scenes)) {
    if (scene.type === 'ending') {
      states[scene.id] = { type: 'final' };
    } else if (scene.type === 'choices') {
      // One transition per option and branch; the branch is decided on the meters after the effects.
      const choose = scene.options.flatMap((o) =>
        o.next.map((branch) => ({
          guard: { type: 'option', params: { key: `${scene.id}/${o.id}`, branch: branch.if } },
          target: branch.to,
          actions: { type: 'take', params: { key: `${scene.id}/${o.id}`, scene: scene.id } },
        })),
      );
      states[scene.id] = {
        on: {
          CHOOSE: choose,
          ...(scene.timeout ? { TIMEOUT: { target: scene.timeout, actions: { type: 'record', params: { scene: scene.id, choice: 'timeout' } } } } : {}),
        },
      };
    } else {
      states[scene.id] = { on: { CONTINUE: { target: scene.next, actions: { type: 'record', params: { scene: scene.id, choice: 'continue' } } } } };
    }
  }

  return setup({
    types: { context: {} as GameContext, events: {} as GameEvent },
    guards: {
      option: ({ context, event }, params: { key: string; branch: GameOption['if'] }) => {
        if (event.type !== 'CHOOSE' || !params.key.endsWith(`/${event.option}`)) return false;
        const option = options.get(params.key)!;
        return holds(option.if, context.meters) && holds(params.branch, applyEffects(game, context.meters, option.effects));
      },
    },
    actions: {
      take: assign(({ context }, params: { key: string; scene: string }) => {
        const option = options.get(params.key)!;
        return {
          meters: applyEffects(game, context.meters, option.effects),
          points: context.points + option.points,
          path: [...context.path, { scene: params.scene, choice: option.id }],
        };
      }),
      record: assign(({ context }, params: { scene: string; choice: string }) => ({ path: [...context.path, params] })),
    },
  }).createMachine({
    id: game.id,
    initial: game.start,
    context: { meters: startMeters(game), points: 0, path: [] },
    states: states as never,
  });
}

export type GameMachine = ReturnType<typeof createGameMachine>;
export type GameSnapshot = SnapshotFrom<GameMachine>;

/** The scene a snapshot stands on. */
export function currentScene(snapshot: GameSnapshot): string {
  return String(snapshot.value);
}

/** The events a scene accepts now (for play, keyboard shortcuts and model-based tests). */
export function possibleEvents(game: CompiledGame, snapshot: GameSnapshot): GameEvent[] {
  const scene = game.scenes[currentScene(snapshot)];
  if (!scene || scene.type === 'ending') return [];
  if (scene.type !== 'choices') return [{ type: 'CONTINUE' }];
  const events: GameEvent[] = scene.options.filter((o) => holds(o.if, snapshot.context.meters)).map((o) => ({ type: 'CHOOSE', option: o.id }));
  if (scene.timeout) events.push({ type: 'TIMEOUT' });
  return events;
}
