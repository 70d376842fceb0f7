/**
 * The workshop session machine: every transition on a small fixture game, the shipped games played
 * through to the results, and persistence: a runner reopened on the same IndexedDB (fake-indexeddb)
 * resumes in every phase with the same context.
 */
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledGame } from '../../src/content/game-schema';
import { cardOptions, createWorkshopSessionMachine, decisionCount, isDecision, phaseOf, setupProblem, type SessionEvent } from '../../src/game/workshop-session/machine';
import { WorkshopRunner, storedView } from '../../src/game/workshop-session/runner';
import { csvCell, csvDate, workshopCsv, workshopJson, type CsvLabels } from '../../src/game/workshop-session/export';
import { ranking, weakestCards } from '../../src/game/workshop-session/results';
import { ProgressStore } from '../../src/storage/progress';

const mini = buildContent(join(import.meta.dirname, '../fixtures/valid')).games[0]!.compiled.fi! as CompiledGame;
const shipped = buildContent(join(import.meta.dirname, '../..'));

function session(game: CompiledGame = mini) {
  const actor = createActor(createWorkshopSessionMachine(game)).start();
  const send = (e: SessionEvent) => {
    const before = actor.getSnapshot();
    actor.send(e);
    return actor.getSnapshot() !== before;
  };
  const phase = () => phaseOf(actor.getSnapshot().value);
  const ctx = () => actor.getSnapshot().context;
  return { actor, send, phase, ctx };
}

const T0 = 1_000_000;

describe('workshop session machine', () => {
  it('setup: refuses a bad team list and starts the first card with its own timer', () => {
    expect(setupProblem(['A'])).toBe('count');
    expect(setupProblem(['A', ' '])).toBe('empty');
    expect(setupProblem(['A', 'x'.repeat(41)])).toBe('long');
    expect(setupProblem(['Kettu', 'kettu '])).toBe('duplicate');
    const s = session();
    expect(s.phase()).toBe('setup');
    expect(s.send({ type: 'SETUP', teams: ['A', 'a'], recording: 'teams' })).toBe(false);
    expect(s.phase()).toBe('setup');
    expect(s.send({ type: 'SETUP', teams: [' Kettu ', 'Karhu'], recording: 'teams', at: T0 })).toBe(true);
    expect(s.phase()).toBe('card');
    expect(s.ctx().teams).toEqual([
      { id: 't1', name: 'Kettu', score: 0 },
      { id: 't2', name: 'Karhu', score: 0 },
    ]);
    expect(s.ctx().timer).toEqual({ remainingMs: 30_000, runningSince: null });
    expect(s.ctx().startedAt).toBe(T0);
  });

  it('card: the timer starts, pauses, gets more time, and reaches a time-up state that recording survives', () => {
    const s = session();
    s.send({ type: 'SETUP', teams: ['Kettu', 'Karhu'], recording: 'teams' });
    expect(s.send({ type: 'TIMER_PAUSE', at: T0 })).toBe(false); // not running
    s.send({ type: 'TIMER_START', at: T0 });
    expect(s.ctx().timer.runningSince).toBe(T0);
    s.send({ type: 'TIMER_PAUSE', at: T0 + 10_000 });
    expect(s.ctx().timer).toEqual({ remainingMs: 20_000, runningSince: null });
    s.send({ type: 'TIMER_ADD', seconds: 30, at: T0 + 11_000 });
    expect(s.ctx().timer.remainingMs).toBe(50_000);
    s.send({ type: 'TIMER_START', at: T0 + 12_000 });
    s.send({ type: 'TIME_UP', at: T0 + 62_000 });
    expect(s.phase()).toBe('timeUp');
    expect(s.ctx().timer).toEqual({ remainingMs: 0, runningSince: null });
    expect(s.send({ type: 'TIMER_START', at: T0 + 63_000 })).toBe(false); // nothing left to run
    expect(s.send({ type: 'TEAM_CHOICE', team: 't1', option: 'kiire' })).toBe(true); // still recording at 0:00
    expect(s.phase()).toBe('timeUp');
    s.send({ type: 'TIMER_ADD', seconds: 30, at: T0 + 64_000 });
    expect(s.phase()).toBe('card');
    expect(s.ctx().timer.remainingMs).toBe(30_000);
  });

  it('card, teams mode: records, changes and clears choices, undoes them one by one, and refuses strangers', () => {
    const s = session();
    s.send({ type: 'SETUP', teams: ['Kettu', 'Karhu'], recording: 'teams' });
    expect(s.send({ type: 'TEAM_CHOICE', team: 't9', option: 'kiire' })).toBe(false);
    expect(s.send({ type: 'TEAM_CHOICE', team: 't1', option: 'nope' })).toBe(false);
    expect(s.send({ type: 'VOTE_ADD', option: 'kiire' })).toBe(false); // tally events belong to tally mode
    expect(s.send({ type: 'UNDO' })).toBe(false);
    s.send({ type: 'TEAM_CHOICE', team: 't1', option: 'kiire' });
    s.send({ type: 'TEAM_CHOICE', team: 't2', option: 'tervehdi' });
    s.send({ type: 'TEAM_CHOICE', team: 't1', option: 'tervehdi' });
    expect(s.ctx().votes.choices).toEqual({ t1: 'tervehdi', t2: 'tervehdi' });
    s.send({ type: 'TEAM_CHOICE', team: 't2', option: null });
    expect(s.ctx().votes.choices).toEqual({ t1: 'tervehdi' });
    s.send({ type: 'UNDO' });
    expect(s.ctx().votes.choices).toEqual({ t1: 'tervehdi', t2: 'tervehdi' });
    s.send({ type: 'UNDO' });
    expect(s.ctx().votes.choices).toEqual({ t1: 'kiire', t2: 'tervehdi' });
  });

  it('card, tally mode: one vote per click, counts from outside (phones), undo, and no bad counts', () => {
    const s = session();
    s.send({ type: 'SETUP', teams: ['Kettu', 'Karhu'], recording: 'tally' });
    expect(s.send({ type: 'TEAM_CHOICE', team: 't1', option: 'kiire' })).toBe(false);
    s.send({ type: 'VOTE_ADD', option: 'kiire' });
    s.send({ type: 'VOTE_ADD', option: 'kiire' });
    expect(s.ctx().votes.tally).toEqual({ kiire: 2 });
    expect(s.send({ type: 'VOTE_COUNTS_SET', counts: { kiire: -1 } })).toBe(false);
    expect(s.send({ type: 'VOTE_COUNTS_SET', counts: { other: 1 } })).toBe(false);
    expect(s.send({ type: 'VOTE_COUNTS_SET', counts: { tervehdi: 5, kiire: 3 }, source: 'live' })).toBe(true);
    expect(s.ctx().votes.tally).toEqual({ tervehdi: 5, kiire: 3 });
    s.send({ type: 'UNDO' });
    expect(s.ctx().votes.tally).toEqual({ kiire: 2 });
    s.send({ type: 'VOTE_COUNTS_SET', counts: { tervehdi: 5 } });
    s.send({ type: 'REVEAL', at: T0 });
    expect(s.ctx().log[0]).toMatchObject({ scene: 'alku', tally: { kiire: 2, tervehdi: 5 }, followed: 'tervehdi' });
    expect(s.ctx().teams.map((t) => t.score)).toEqual([0, 0]); // no team points in tally mode
  });

  it('reveal: scores go up at the reveal, the majority leads the story, FOLLOW overrides, NEXT moves the game', () => {
    const s = session();
    s.send({ type: 'SETUP', teams: ['Kettu', 'Karhu', 'Ilves'], recording: 'teams' });
    s.send({ type: 'TIMER_START', at: T0 });
    s.send({ type: 'TEAM_CHOICE', team: 't1', option: 'tervehdi' });
    s.send({ type: 'TEAM_CHOICE', team: 't2', option: 'kiire' });
    s.send({ type: 'TEAM_CHOICE', team: 't3', option: 'kiire' });
    s.send({ type: 'REVEAL', at: T0 + 5_000 });
    expect(s.phase()).toBe('reveal');
    expect(s.ctx().timer).toEqual({ remainingMs: 25_000, runningSince: null });
    expect(s.ctx().teams.map((t) => t.score)).toEqual([2, 0, 0]);
    expect(s.ctx().log).toEqual([{ scene: 'alku', round: 1, choices: { t1: 'tervehdi', t2: 'kiire', t3: 'kiire' }, tally: {}, followed: 'kiire', points: { t1: 2, t2: 0, t3: 0 } }]);
    expect(s.send({ type: 'TEAM_CHOICE', team: 't1', option: 'kiire' })).toBe(false); // recording is closed
    expect(s.send({ type: 'FOLLOW', option: 'nope' })).toBe(false);
    s.send({ type: 'FOLLOW', option: 'tervehdi' });
    expect(s.ctx().log[0]!.followed).toBe('tervehdi');
    s.send({ type: 'NEXT' });
    // The game's own machine took CHOOSE tervehdi: trust 2 → 3, so the review follows.
    expect(s.ctx().game.scene).toBe('valiarvio');
    expect(s.ctx().game.context.meters).toEqual({ trust: 3 });
    expect(s.ctx().game.context.path).toEqual([{ scene: 'alku', choice: 'tervehdi' }]);
    expect(s.phase()).toBe('between');
    expect(s.ctx().votes).toEqual({ choices: {}, tally: {} });
  });

  it('between rounds, the single-option step, the ending, the debrief and the results', () => {
    const s = session();
    s.send({ type: 'SETUP', teams: ['Kettu', 'Karhu'], recording: 'teams' });
    s.send({ type: 'TEAM_CHOICE', team: 't1', option: 'tervehdi' });
    s.send({ type: 'REVEAL', at: T0 });
    s.send({ type: 'NEXT' });
    expect(s.send({ type: 'NEXT' })).toBe(false);
    s.send({ type: 'CONTINUE' }); // review → discussion
    expect(s.ctx().game.scene).toBe('keskustelu');
    expect(s.phase()).toBe('between');
    s.send({ type: 'CONTINUE' });
    expect(s.ctx().game.scene).toBe('loppuvalinta');
    expect(s.phase()).toBe('step');
    expect(s.ctx().timer.remainingMs).toBe(0); // a step has no timer
    expect(s.send({ type: 'REVEAL', at: T0 })).toBe(false);
    s.send({ type: 'CONTINUE' });
    expect(s.phase()).toBe('ending');
    expect(s.ctx().game.scene).toBe('hyva'); // trust 3 + 1 = 4
    expect(s.ctx().log.map((r) => r.scene)).toEqual(['alku']); // no row for the step
    s.send({ type: 'CONTINUE' });
    expect(s.phase()).toBe('what');
    s.send({ type: 'STEP_BACK' });
    expect(s.phase()).toBe('ending');
    s.send({ type: 'CONTINUE' });
    s.send({ type: 'NOTES_SET', field: 'what', text: 'Kiire; "jono"\nkasvoi' });
    s.send({ type: 'STEP_NEXT' });
    expect(s.phase()).toBe('why');
    s.send({ type: 'NOTES_SET', field: 'why', text: 'Luottamus' });
    expect(s.send({ type: 'ACTION_ADD', action: { id: 'a1', text: 'x', owner: 'y', due: '2027-01-01' } })).toBe(false);
    s.send({ type: 'STEP_BACK' });
    expect(s.phase()).toBe('what');
    s.send({ type: 'STEP_NEXT' });
    s.send({ type: 'STEP_NEXT' });
    expect(s.phase()).toBe('actions');
    s.send({ type: 'ACTION_ADD', action: { id: 'a1', text: 'Tervehdi', owner: 'Maija', due: '2027-03-31' } });
    s.send({ type: 'ACTION_ADD', action: { id: 'a2', text: 'Poista', owner: 'Matti', due: '2027-04-01' } });
    s.send({ type: 'ACTION_REMOVE', id: 'a2' });
    expect(s.ctx().actions.map((a) => a.id)).toEqual(['a1']);
    s.send({ type: 'FINISH' });
    expect(s.phase()).toBe('results');
    s.send({ type: 'STEP_BACK' });
    expect(s.phase()).toBe('actions');
    s.send({ type: 'FINISH' });
    expect(s.ctx().notes).toEqual({ what: 'Kiire; "jono"\nkasvoi', why: 'Luottamus' });
  });

  it('offers only the options whose conditions hold, and follows only those', () => {
    const s = session();
    s.send({ type: 'SETUP', teams: ['Kettu', 'Karhu'], recording: 'teams' });
    s.send({ type: 'REVEAL', at: T0 }); // nobody chose: the story follows the first option
    s.send({ type: 'NEXT' }); // tervehdi: trust 3 → review
    expect(s.ctx().game.scene).toBe('valiarvio');
    const t = session();
    t.send({ type: 'SETUP', teams: ['Kettu', 'Karhu'], recording: 'teams' });
    t.send({ type: 'TEAM_CHOICE', team: 't1', option: 'kiire' });
    t.send({ type: 'REVEAL', at: T0 });
    t.send({ type: 'NEXT' });
    expect(t.ctx().game.scene).toBe('huono');
    expect(t.phase()).toBe('ending');
    expect(cardOptions(mini, t.ctx())).toEqual([]);
  });

  for (const entry of shipped.games) {
    for (const [lang, game] of Object.entries(entry.compiled) as [string, CompiledGame][]) {
      it(`plays ${entry.meta.id} (${lang}) from setup to results, one row per decision card`, () => {
        const s = session(game);
        s.send({ type: 'SETUP', teams: ['A', 'B', 'C'], recording: 'teams' });
        const visited: string[] = [];
        for (let i = 0; i < 200 && s.phase() !== 'ending'; i++) {
          const p = s.phase();
          if (p === 'card') {
            const options = cardOptions(game, s.ctx());
            visited.push(s.ctx().game.scene);
            s.ctx().teams.forEach((team, j) => s.send({ type: 'TEAM_CHOICE', team: team.id, option: options[(i + j) % options.length]!.id }));
            expect(s.send({ type: 'REVEAL', at: T0 })).toBe(true);
            expect(s.send({ type: 'NEXT' })).toBe(true);
          } else {
            expect(['between', 'step']).toContain(p);
            expect(s.send({ type: 'CONTINUE' })).toBe(true);
          }
        }
        expect(s.phase()).toBe('ending');
        expect(s.ctx().log.map((r) => r.scene)).toEqual(visited);
        expect(visited.every((id) => isDecision(game.scenes[id]))).toBe(true);
        expect(visited.length).toBeLessThanOrEqual(decisionCount(game));
        expect(s.ctx().game.context.path.length).toBeGreaterThan(visited.length - 1);
      });
    }
  }
  it('counts a single-option scene as a step, not a decision', () => {
    const dilemmas = shipped.games.find((g) => g.meta.id === 'avoimuusdilemmat')!.compiled.fi! as CompiledGame;
    expect(decisionCount(dilemmas)).toBe(13); // as its description says: 13 cards
  });
});

describe('workshop session persistence', () => {
  let n = 0;
  const fresh = () => ProgressStore.open(`workshop-session-${++n}`);

  it('stores every accepted event and resumes in every phase with the same state and context', async () => {
    const name = `workshop-session-resume`;
    let store = await ProgressStore.open(name);
    let runner = await WorkshopRunner.open(store, mini);
    const script: SessionEvent[] = [
      { type: 'SETUP', teams: ['Kettu', 'Karhu'], recording: 'teams', at: T0 },
      { type: 'TIMER_START', at: T0 },
      { type: 'TEAM_CHOICE', team: 't1', option: 'tervehdi' },
      { type: 'TIME_UP', at: T0 + 30_000 },
      { type: 'REVEAL', at: T0 + 31_000 },
      { type: 'NEXT' },
      { type: 'CONTINUE' },
      { type: 'CONTINUE' },
      { type: 'CONTINUE' },
      { type: 'CONTINUE' },
      { type: 'NOTES_SET', field: 'what', text: 'Havainto' },
      { type: 'STEP_NEXT' },
      { type: 'NOTES_SET', field: 'why', text: 'Syy' },
      { type: 'STEP_NEXT' },
      { type: 'ACTION_ADD', action: { id: 'a1', text: 'Teko', owner: 'Maija', due: '2027-03-31' } },
      { type: 'FINISH' },
    ];
    const phases = new Set<string>([runner.phase()]);
    for (const event of script) {
      expect(await runner.send(event), event.type).toBe(true);
      const before = runner.view();
      phases.add(runner.phase());
      runner.stop();
      store.db.close();
      // A reload: a new store and a new runner on the same database.
      store = await ProgressStore.open(name);
      runner = await WorkshopRunner.open(store, mini);
      expect(runner.view(), `after ${event.type}`).toEqual(before);
    }
    expect([...phases].sort()).toEqual(['actions', 'between', 'card', 'ending', 'results', 'reveal', 'setup', 'step', 'timeUp', 'what', 'why'].sort());
    const stored = (await store.gameSessions(mini.id)).find((s) => s.mode === 'workshop')!;
    expect(stored.events.map((e) => e.type)).toEqual(script.map((e) => e.type));
    expect(stored.status).toBe('in-progress'); // the results stay open until a new workshop begins
    expect(storedView(stored)!.context.actions[0]!.text).toBe('Teko');
  });

  it('an event the machine refuses is not stored', async () => {
    const store = await fresh();
    const runner = await WorkshopRunner.open(store, mini);
    expect(await runner.send({ type: 'REVEAL', at: T0 })).toBe(false);
    expect(await store.gameSessions(mini.id)).toEqual([]);
  });

  it('a new workshop keeps the last one as history, and gives no attempt or score to the trainer', async () => {
    const store = await fresh();
    const runner = await WorkshopRunner.open(store, mini);
    await runner.send({ type: 'SETUP', teams: ['Kettu', 'Karhu'], recording: 'teams' });
    await runner.send({ type: 'TEAM_CHOICE', team: 't1', option: 'kiire' });
    await runner.send({ type: 'REVEAL', at: T0 });
    await runner.send({ type: 'NEXT' });
    expect(runner.phase()).toBe('ending');
    await runner.startNew();
    expect(runner.phase()).toBe('setup');
    const sessions = await store.gameSessions(mini.id);
    expect(sessions.map((s) => s.status)).toEqual(['completed']);
    expect(await store.latestAttempt(mini.id)).toBeUndefined();
    const reopened = await WorkshopRunner.open(store, mini);
    expect(reopened.phase()).toBe('setup');
  });

  it('a session stored by an older version of the workshop is kept as history, not replayed', async () => {
    const store = await fresh();
    await store.saveGameSession({ id: 'old', gameId: mini.id, gameVersion: mini.version, mode: 'workshop', status: 'in-progress', snapshot: { machine: {}, workshop: { phase: 'debrief' } }, events: [], startedAt: 1, updatedAt: 1 });
    const runner = await WorkshopRunner.open(store, mini);
    expect(runner.phase()).toBe('setup');
    expect((await store.gameSessions(mini.id)).map((s) => s.status)).toEqual(['completed']);
  });
});

describe('workshop results and exports', () => {
  const dilemmas = shipped.games.find((g) => g.meta.id === 'avoimuusdilemmat')!.compiled.fi! as CompiledGame;
  const labels = Object.fromEntries(
    ['workshop', 'game', 'date', 'mode', 'modeName', 'teams', 'ending', 'round', 'card', 'team', 'choice', 'points', 'votes', 'followed', 'place', 'total', 'action', 'owner', 'due', 'notes', 'notesWhat', 'notesWhy'].map((k) => [k, k]),
  ) as unknown as CsvLabels;

  it('gives tied teams the same place', () => {
    const teams = [
      { id: 'a', name: 'A', score: 5 },
      { id: 'b', name: 'B', score: 9 },
      { id: 'c', name: 'C', score: 5 },
      { id: 'd', name: 'D', score: 1 },
    ];
    expect(ranking(teams).map((r) => [r.team.id, r.place])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('neutralises formula-like cells and quotes ; " and line breaks', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(bad).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    expect(csvCell(-3)).toBe('-3'); // numbers stay numbers
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvDate('2027-03-31')).toBe('31.3.2027');
    expect(csvDate(new Date(2026, 11, 4))).toBe('4.12.2026');
  });

  it('exports a header block, one row per team per decision card, no rows for the step, totals, actions and notes', () => {
    const s = session(dilemmas);
    s.send({ type: 'SETUP', teams: ['=Kettu', 'Karhu'], recording: 'teams', at: new Date(2026, 11, 4, 10).getTime() });
    for (let i = 0; i < 200 && s.phase() !== 'ending'; i++) {
      if (s.phase() === 'card') {
        const options = cardOptions(dilemmas, s.ctx());
        s.send({ type: 'TEAM_CHOICE', team: 't1', option: options[0]!.id });
        s.send({ type: 'TEAM_CHOICE', team: 't2', option: options[1]!.id });
        s.send({ type: 'REVEAL', at: T0 });
        s.send({ type: 'NEXT' });
      } else s.send({ type: 'CONTINUE' });
    }
    s.send({ type: 'CONTINUE' });
    s.send({ type: 'NOTES_SET', field: 'what', text: 'Havainto; "lainaus"' });
    s.send({ type: 'STEP_NEXT' });
    s.send({ type: 'STEP_NEXT' });
    s.send({ type: 'ACTION_ADD', action: { id: 'a1', text: 'Teko', owner: 'Maija', due: '2027-03-31' } });
    s.send({ type: 'FINISH' });
    const csv = workshopCsv(dilemmas, s.ctx(), 'Loppu', labels, new Date(s.ctx().startedAt!));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 6)).toEqual(['workshop;Avoimuuden dilemmat', `game;avoimuusdilemmat ${dilemmas.version}`, 'date;4.12.2026', 'mode;modeName', "teams;'=Kettu, Karhu", 'ending;Loppu']);
    const header = lines.indexOf('round;card;team;choice;points;votes;followed');
    const cardRows = lines.slice(header + 1, lines.indexOf('', header));
    expect(cardRows).toHaveLength(13 * 2);
    expect(csv).not.toContain(dilemmas.scenes.tulos!.title);
    expect(lines.slice(lines.indexOf('place;team;total') + 1, lines.indexOf('place;team;total') + 3).map((l) => l.split(';')[0])).toEqual(['1', '2']);
    expect(lines).toContain('action;owner;due');
    expect(lines).toContain('Teko;Maija;31.3.2027');
    expect(lines).toContain('notesWhat;"Havainto; ""lainaus"""');
    const json = workshopJson(dilemmas, s.ctx(), 'Loppu', new Date(Date.UTC(2026, 11, 4)));
    expect(json.exportedAt).toBe('2026-12-04T00:00:00.000Z');
    expect(json.rounds).toHaveLength(13);
    expect(json.actions[0]!.due).toBe('2027-03-31');
  });

  it('picks the two or three cards where the room lost most points', () => {
    const s = session(dilemmas);
    s.send({ type: 'SETUP', teams: ['Kettu', 'Karhu'], recording: 'teams' });
    let card = 0;
    for (let i = 0; i < 200 && s.phase() !== 'ending'; i++) {
      if (s.phase() === 'card') {
        const options = cardOptions(dilemmas, s.ctx());
        const best = options.reduce((a, b) => (b.points > a.points ? b : a));
        const worst = options.reduce((a, b) => (b.points < a.points ? b : a));
        // Cards 2 and 5 go badly for both teams, card 7 for one; the rest well.
        const pick = (team: number) => (card === 2 || card === 5 || (card === 7 && team === 0) ? worst : best);
        s.send({ type: 'TEAM_CHOICE', team: 't1', option: pick(0).id });
        s.send({ type: 'TEAM_CHOICE', team: 't2', option: pick(1).id });
        s.send({ type: 'REVEAL', at: T0 });
        s.send({ type: 'NEXT' });
        card++;
      } else s.send({ type: 'CONTINUE' });
    }
    const weak = weakestCards(dilemmas, s.ctx());
    expect(weak.map((w) => w.scene)).toEqual([s.ctx().log[2]!.scene, s.ctx().log[5]!.scene, s.ctx().log[7]!.scene]);
    expect(weak[0]!.shortfall).toBeGreaterThan(weak[2]!.shortfall);
  });
});
