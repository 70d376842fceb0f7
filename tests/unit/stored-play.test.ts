/** Issue 14 §2: a stored play that cannot be resumed is recognised, with the field named. */
import { resolve } from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { createGameMachine } from '../../src/game/machine';
import { storedPlayProblem } from '../../src/storage/stored-play';

const game = buildContent(resolve(import.meta.dirname, '../fixtures/valid')).games[0]!.compiled.fi!;
const scenes = new Set(Object.keys(game.scenes));
const good = () => JSON.parse(JSON.stringify({ machine: createActor(createGameMachine(game)).start().getPersistedSnapshot() }));

describe('a stored play', () => {
  it('can be resumed when it is what the game wrote', () => {
    expect(storedPlayProblem(good(), scenes)).toBeNull();
    expect(storedPlayProblem(null, scenes)).toBeNull();
  });

  it.each([
    ['standing on a scene that does not exist', (p: any) => (p.machine.value = 'ei-ole'), 'machine.value: scene "ei-ole" does not exist'],
    ['with a step on a scene that does not exist', (p: any) => p.machine.context.path.push({ scene: 'x', choice: 'a' }), 'machine.context.path: scene "x" does not exist'],
    ['with meters that are not numbers', (p: any) => (p.machine.context.meters = { trust: 'high' }), 'machine.context.meters: not a set of numbers'],
    ['that is not an object', (p: any) => (p.machine = 'x'), 'machine: missing'],
  ])('is refused when %s', (_, spoil, problem) => {
    const play = good();
    spoil(play);
    expect(storedPlayProblem(play, scenes)).toBe(problem);
  });
});
