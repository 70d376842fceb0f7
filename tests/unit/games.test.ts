/**
 * The game engine: rules, the compiled XState machine, and model-based path tests over every
 * shipped game in every language (generated with @xstate/graph from the machine itself).
 */
import { join } from 'node:path';
import { getAdjacencyMap } from '@xstate/graph';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledGame } from '../../src/content/game-schema';
import { createGameMachine, currentScene, possibleEvents, type GameSnapshot } from '../../src/game/machine';
import { applyEffects, gameScore, holds, trafficLight } from '../../src/game/rules';

const mini = buildContent(join(import.meta.dirname, '../fixtures/valid')).games[0]!.compiled.fi!;
const shipped = buildContent(join(import.meta.dirname, '../..'));

describe('game rules', () => {
  it('checks conditions and keeps meters in range', () => {
    expect(holds([{ meter: 'trust', op: '>=', value: 3 }], { trust: 3 })).toBe(true);
    expect(holds([{ meter: 'trust', op: '>=', value: 3 }, { meter: 'trust', op: '<', value: 3 }], { trust: 3 })).toBe(false);
    expect(applyEffects(mini, { trust: 3 }, { trust: 5 })).toEqual({ trust: 4 });
    expect(applyEffects(mini, { trust: 1 }, { trust: -5 })).toEqual({ trust: 0 });
    expect(trafficLight(7, 7, 4)).toBe('green');
    expect(trafficLight(4, 7, 4)).toBe('yellow');
    expect(trafficLight(3, 7, 4)).toBe('red');
  });
});

describe('the machine compiled from a game', () => {
  const play = (events: Parameters<ReturnType<typeof createActor>['send']>[0][]) => {
    const actor = createActor(createGameMachine(mini)).start();
    for (const e of events) actor.send(e);
    return actor.getSnapshot() as GameSnapshot;
  };

  it('applies effects, then takes the branch the new meters choose', () => {
    const s = play([{ type: 'CHOOSE', option: 'tervehdi' }]);
    expect(currentScene(s)).toBe('valiarvio');
    expect(s.context.meters.trust).toBe(3);
    expect(s.context.points).toBe(2);
    expect(s.context.path).toEqual([{ scene: 'alku', choice: 'tervehdi' }]);
  });

  it('follows a timeout, continues through reviews and discussions, and ends', () => {
    const s = play([{ type: 'TIMEOUT' }, { type: 'CHOOSE', option: 'pahoittele' }, { type: 'CONTINUE' }, { type: 'CONTINUE' }, { type: 'CHOOSE', option: 'selita' }]);
    expect(currentScene(s)).toBe('keskinkertainen');
    expect(s.status).toBe('done');
    expect(gameScore(mini, mini.scenes[currentScene(s)], s.context.points)).toBe(60);
  });

  it('ignores options whose condition does not hold, and unknown events', () => {
    const s = play([{ type: 'TIMEOUT' }, { type: 'CHOOSE', option: 'erityinen' }, { type: 'CHOOSE', option: 'ei-ole' }, { type: 'CONTINUE' }]);
    expect(currentScene(s)).toBe('jono');
    expect(possibleEvents(mini, s)).toEqual([{ type: 'CHOOSE', option: 'pahoittele' }]);
  });

  it('restores from a persisted snapshot and goes on', () => {
    const actor = createActor(createGameMachine(mini)).start();
    actor.send({ type: 'CHOOSE', option: 'tervehdi' });
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    const resumed = createActor(createGameMachine(mini), { snapshot: persisted }).start();
    expect(currentScene(resumed.getSnapshot())).toBe('valiarvio');
    resumed.send({ type: 'CONTINUE' });
    expect(currentScene(resumed.getSnapshot())).toBe('keskustelu');
    expect(resumed.getSnapshot().context.meters.trust).toBe(3);
  });
});

/** Model-based: the state graph of the machine, with meters as part of the state. */
function modelCheck(game: CompiledGame) {
  const machine = createGameMachine(game);
  const options = {
    events: (s: GameSnapshot) => possibleEvents(game, s),
    serializeState: (s: GameSnapshot) => `${currentScene(s)}|${JSON.stringify(s.context.meters)}`,
  };
  const adjacency = getAdjacencyMap(machine, options as never) as unknown as Record<string, { state: GameSnapshot; transitions: Record<string, { state: GameSnapshot }> }>;
  return { machine, options, adjacency };
}

const games = [mini, ...shipped.games.flatMap((g) => Object.values(g.compiled).map((c) => c!))];

describe.each(games.map((g) => [`${g.id} (${g.lang})`, g] as const))('model-based paths: %s', (_name, game) => {
  const { machine, adjacency } = modelCheck(game);
  const endings = Object.values(game.scenes).filter((s) => s.type === 'ending').map((s) => s.id);

  it('has at least one ending', () => {
    expect(endings.length).toBeGreaterThan(0);
  });

  it('reaches every ending, by a path a real actor can replay', () => {
    // Shortest paths over the model's adjacency map (breadth first from the initial state).
    const serial = (st: GameSnapshot) => `${currentScene(st)}|${JSON.stringify(st.context.meters)}`;
    const initial = serial(createActor(machine).getSnapshot() as GameSnapshot);
    const parent = new Map<string, { from: string; event: unknown } | null>([[initial, null]]);
    const queue = [initial];
    for (let head = 0; head < queue.length; head++) {
      for (const t of Object.values(adjacency[queue[head]!]?.transitions ?? {}) as { state: GameSnapshot; event: unknown }[]) {
        const k = serial(t.state);
        if (!parent.has(k)) {
          parent.set(k, { from: queue[head]!, event: t.event });
          queue.push(k);
        }
      }
    }
    for (const ending of endings) {
      const target = queue.find((k) => k.startsWith(`${ending}|`));
      expect(target, `no path reaches ${ending}`).toBeDefined();
      const events: unknown[] = [];
      for (let k = target!; parent.get(k); k = parent.get(k)!.from) events.unshift(parent.get(k)!.event);
      const actor = createActor(machine).start();
      for (const event of events) actor.send(event as never);
      expect(currentScene(actor.getSnapshot() as GameSnapshot)).toBe(ending);
      expect(actor.getSnapshot().status).toBe('done');
    }
  });

  it('has a way forward from every reachable state that is not an ending', () => {
    for (const [key, node] of Object.entries(adjacency)) {
      if (node.state.status === 'done') continue;
      const moves = Object.values(node.transitions).filter((t) => `${currentScene(t.state)}|${JSON.stringify(t.state.context.meters)}` !== key);
      expect(moves.length, `stuck at ${key}`).toBeGreaterThan(0);
    }
  });

  it('terminates on every path: the state graph has no cycle', () => {
    const graph = new Map(
      Object.entries(adjacency).map(([key, node]) => [
        key,
        Object.values(node.transitions).map((t) => `${currentScene(t.state)}|${JSON.stringify(t.state.context.meters)}`),
      ]),
    );
    const colour = new Map<string, 'grey' | 'black'>();
    const visit = (key: string): void => {
      colour.set(key, 'grey');
      for (const next of graph.get(key) ?? []) {
        expect(colour.get(next), `cycle through ${next}`).not.toBe('grey');
        if (!colour.has(next)) visit(next);
      }
      colour.set(key, 'black');
    };
    for (const key of graph.keys()) if (!colour.has(key)) visit(key);
  });
});
