/** Issue 14 §2: a stored play that cannot be resumed is recognised, with the field named. */
import { resolve } from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { createGameMachine } from '../../src/game/machine';
import { newWorkshop } from '../../src/game/workshop';
import { storedPlayProblem } from '../../src/storage/stored-play';

const game = buildContent(resolve(import.meta.dirname, '../fixtures/valid')).games[0]!.compiled.fi!;
const scenes = new Set(Object.keys(game.scenes));
const good = () => JSON.parse(JSON.stringify({ machine: createActor(createGameMachine(game)).start().getPersistedSnapshot(), workshop: newWorkshop(['A', 'B']) }));

describe('a stored play', () => {
  it('can be resumed when it is what the game wrote', () => {
    expect(storedPlayProblem(good(), scenes)).toBeNull();
    expect(storedPlayProblem(null, scenes)).toBeNull();
  });

  it.each([
    ['standing on a scene that does not exist', (p: any) => (p.machine.value = 'ei-ole'), 'machine.value: scene "ei-ole" does not exist'],
    ['with teams given as a string', (p: any) => (p.workshop.teams = 'A, B'), 'workshop.teams: not a list of teams'],
    ['with a phase that does not exist', (p: any) => (p.workshop.phase = 'party'), 'workshop.phase: "party" is not a phase'],
    ['with meters that are not numbers', (p: any) => (p.machine.context.meters = { trust: 'high' }), 'machine.context.meters: not a set of numbers'],
    ['with a round on a scene that does not exist', (p: any) => p.workshop.log.push({ scene: 'x' }), 'workshop.log: a round names a scene that does not exist'],
    ['that is not an object', (p: any) => (p.machine = 'x'), 'machine: missing'],
  ])('is refused when %s', (_, spoil, problem) => {
    const play = good();
    spoil(play);
    expect(storedPlayProblem(play, scenes)).toBe(problem);
  });
});
