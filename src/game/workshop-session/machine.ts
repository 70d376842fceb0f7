/**
 * A workshop as one XState machine: setup → card → reveal → (between rounds) → … → step to the
 * ending → ending → debrief (what / why / actions) → results. The game's own machine
 * (../machine.ts) runs inside it unchanged: the session keeps the game's state in its context and
 * steps it with the game's own CHOOSE and CONTINUE events.
 *
 * Events (every one is plain JSON, so a console, a test or a live layer can send them; times are
 * passed in as `at`, ms since epoch, so the machine stays deterministic):
 *
 *   SETUP            { teams: string[]; recording: 'teams' | 'tally' }      setup → first scene
 *   TIMER_START      { at }                                                card: starts the countdown
 *   TIMER_PAUSE      { at }                                                card: pauses it
 *   TIMER_ADD        { seconds; at }                                       card: more time (leaves time-up)
 *   TIME_UP          { at }                                                card: the countdown reached 0:00
 *   TEAM_CHOICE      { team: string; option: string | null; source? }      card, teams mode: a team's choice (null clears)
 *   VOTE_ADD         { option: string; source? }                           card, tally mode: one more vote
 *   VOTE_COUNTS_SET  { counts: Record<option, number>; source? }           card, tally mode: counts from outside (e.g. phones)
 *   UNDO             {}                                                    card: takes back the last recording event
 *   REVEAL           { at }                                                card → reveal: scores added, round logged
 *   FOLLOW           { option }                                            reveal: which option the story follows
 *   NEXT             {}                                                    reveal → the game's next scene
 *   CONTINUE         {}                                                    between rounds / step → next scene; ending → debrief
 *   NOTES_SET        { field: 'what' | 'why'; text }                       debrief: the group's notes
 *   ACTION_ADD       { action: { id; text; owner; due (yyyy-mm-dd) } }     debrief.actions
 *   ACTION_REMOVE    { id }                                                debrief.actions
 *   STEP_NEXT / STEP_BACK {}                                               debrief steps; results → back to actions
 *   FINISH           {}                                                    debrief.actions → results
 *
 * Recording is left open at 0:00 (the facilitator often writes down what teams called out as time
 * ran out); the time-up state says so on both screens. A choices scene with a single option is not
 * a decision but a plain step to what follows (no timer, no recording, no export rows).
 */
import { and, assign, createActor, getNextSnapshot, setup, type SnapshotFrom } from 'xstate';
import type { CompiledGame, GameOption, Scene } from '../../content/game-schema';
import { createGameMachine, type GameContext, type GameEvent } from '../machine';
import { availableOptions } from '../rules';
import { addTime, countdown, pauseCountdown, startCountdown, type Countdown } from '../timer';

export const MIN_TEAMS = 2;
export const MAX_TEAMS = 8;
export const MAX_TEAM_NAME = 40;
export const DEFAULT_CARD_SECONDS = 120;

export interface Team {
  id: string;
  name: string;
  score: number;
}

export interface AgreedAction {
  id: string;
  text: string;
  owner: string;
  due: string; // yyyy-mm-dd
}

export interface RoundRecord {
  scene: string;
  round?: number;
  /** Each team's choice (teams mode) … */
  choices: Record<string, string>;
  /** … or the vote count per option (tally mode). */
  tally: Record<string, number>;
  /** The option the story followed. */
  followed: string;
  points: Record<string, number>;
}

export type Recording = 'teams' | 'tally';

/** What the recording events change; each one is kept for undo. */
export interface Votes {
  choices: Record<string, string>;
  tally: Record<string, number>;
}

export interface SessionContext {
  recording: Recording;
  teams: Team[];
  /** The game's own machine state: scene and context. */
  game: { scene: string; context: GameContext };
  votes: Votes;
  /** Earlier values of `votes` on this card, newest last. */
  undo: Votes[];
  timer: Countdown;
  log: RoundRecord[];
  notes: { what: string; why: string };
  actions: AgreedAction[];
  startedAt: number | null;
}

export type SessionEvent =
  | { type: 'SETUP'; teams: string[]; recording: Recording; at?: number }
  | { type: 'TIMER_START'; at: number }
  | { type: 'TIMER_PAUSE'; at: number }
  | { type: 'TIMER_ADD'; seconds: number; at: number }
  | { type: 'TIME_UP'; at: number }
  | { type: 'TEAM_CHOICE'; team: string; option: string | null; source?: string }
  | { type: 'VOTE_ADD'; option: string; source?: string }
  | { type: 'VOTE_COUNTS_SET'; counts: Record<string, number>; source?: string }
  | { type: 'UNDO' }
  | { type: 'REVEAL'; at: number }
  | { type: 'FOLLOW'; option: string }
  | { type: 'NEXT' }
  | { type: 'CONTINUE' }
  | { type: 'NOTES_SET'; field: 'what' | 'why'; text: string }
  | { type: 'ACTION_ADD'; action: AgreedAction }
  | { type: 'ACTION_REMOVE'; id: string }
  | { type: 'STEP_NEXT' }
  | { type: 'STEP_BACK' }
  | { type: 'FINISH' };

export type ChoicesScene = Extract<Scene, { type: 'choices' }>;

/** A choices scene is a decision card when there is something to decide. */
export const isDecision = (scene: Scene | undefined): scene is ChoicesScene => scene?.type === 'choices' && scene.options.length > 1;
export const isStep = (scene: Scene | undefined): scene is ChoicesScene => scene?.type === 'choices' && scene.options.length === 1;
export const decisionCount = (game: CompiledGame) => Object.values(game.scenes).filter(isDecision).length;

/** Names problems with the team set-up, or returns null when it can start. */
export function setupProblem(names: string[]): 'count' | 'empty' | 'duplicate' | 'long' | null {
  if (names.length < MIN_TEAMS || names.length > MAX_TEAMS) return 'count';
  if (names.some((n) => !n.trim())) return 'empty';
  if (names.some((n) => n.trim().length > MAX_TEAM_NAME)) return 'long';
  if (new Set(names.map((n) => n.trim().toLowerCase())).size !== names.length) return 'duplicate';
  return null;
}

/** How many teams chose each option, or the votes for it. */
export function countsOf(options: GameOption[], recording: Recording, votes: Votes): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o.id, 0]));
  if (recording === 'teams') for (const choice of Object.values(votes.choices)) counts[choice] = (counts[choice] ?? 0) + 1;
  else for (const o of options) counts[o.id] = votes.tally[o.id] ?? 0;
  return counts;
}

/** The option the story follows: the most chosen (or voted); a tie goes to the earlier option. */
export function majority(options: GameOption[], recording: Recording, votes: Votes): string {
  const counts = countsOf(options, recording, votes);
  let best = options[0]!.id;
  for (const o of options) if (counts[o.id]! > counts[best]!) best = o.id;
  return best;
}

const cardTimer = (scene: Scene | undefined) => countdown(isDecision(scene) ? (scene.timer ?? DEFAULT_CARD_SECONDS) : 0);
const noVotes = (): Votes => ({ choices: {}, tally: {} });

export function createWorkshopSessionMachine(game: CompiledGame) {
  const gameMachine = createGameMachine(game);
  const sceneOf = (context: SessionContext) => game.scenes[context.game.scene];
  /** The card as the room sees it now: only the options whose conditions hold. */
  const cardOf = (context: SessionContext): ChoicesScene => {
    const scene = sceneOf(context);
    if (!isDecision(scene)) throw new Error(`scene ${context.game.scene} is not a decision card`);
    return { ...scene, options: availableOptions(scene, context.game.context.meters) };
  };
  /** Steps the game's own machine; an event it does not accept leaves it where it is. */
  const stepGame = (context: SessionContext, event: GameEvent): SessionContext['game'] => {
    const next = getNextSnapshot(gameMachine, gameMachine.resolveState({ value: context.game.scene, context: context.game.context }), event);
    return { scene: String(next.value), context: next.context };
  };
  const moved = (context: SessionContext, event: GameEvent) => {
    const g = stepGame(context, event);
    return { game: g, timer: cardTimer(game.scenes[g.scene]), votes: noVotes(), undo: [] };
  };
  const record = (context: SessionContext, votes: Votes) => ({ votes, undo: [...context.undo, context.votes] });

  return setup({
    types: { context: {} as SessionContext, events: {} as SessionEvent },
    guards: {
      atDecision: ({ context }) => isDecision(sceneOf(context)),
      atStep: ({ context }) => isStep(sceneOf(context)),
      atEnding: ({ context }) => sceneOf(context)?.type === 'ending',
      validSetup: ({ event }) => event.type === 'SETUP' && setupProblem(event.teams) === null,
      teamsMode: ({ context }) => context.recording === 'teams',
      tallyMode: ({ context }) => context.recording === 'tally',
      knownOption: ({ context, event }) => {
        const card = cardOf(context);
        if (event.type === 'TEAM_CHOICE') return context.teams.some((t) => t.id === event.team) && (event.option === null || card.options.some((o) => o.id === event.option));
        if (event.type === 'VOTE_ADD' || event.type === 'FOLLOW') return card.options.some((o) => o.id === event.option);
        if (event.type === 'VOTE_COUNTS_SET')
          return Object.entries(event.counts).every(([id, n]) => card.options.some((o) => o.id === id) && Number.isInteger(n) && n >= 0);
        return false;
      },
      canUndo: ({ context }) => context.undo.length > 0,
      timerRunning: ({ context }) => context.timer.runningSince !== null,
      hasTime: ({ context }) => context.timer.remainingMs > 0 || context.timer.runningSince !== null,
    },
    actions: {
      setUp: assign(({ event }) => {
        if (event.type !== 'SETUP') return {};
        return {
          recording: event.recording,
          teams: event.teams.map((name, i) => ({ id: `t${i + 1}`, name: name.trim(), score: 0 })),
          timer: cardTimer(game.scenes[game.start]),
          startedAt: event.at ?? null,
        };
      }),
      startTimer: assign(({ context, event }) => ({ timer: startCountdown(context.timer, 'at' in event ? event.at : undefined) })),
      pauseTimer: assign(({ context, event }) => ({ timer: pauseCountdown(context.timer, 'at' in event ? event.at : undefined) })),
      addTime: assign(({ context, event }) => (event.type === 'TIMER_ADD' ? { timer: addTime(context.timer, event.seconds, event.at) } : {})),
      stopAtZero: assign(() => ({ timer: countdown(0) })),
      teamChoice: assign(({ context, event }) => {
        if (event.type !== 'TEAM_CHOICE') return {};
        const choices = { ...context.votes.choices };
        if (event.option === null) delete choices[event.team];
        else choices[event.team] = event.option;
        return record(context, { ...context.votes, choices });
      }),
      voteAdd: assign(({ context, event }) =>
        event.type === 'VOTE_ADD' ? record(context, { ...context.votes, tally: { ...context.votes.tally, [event.option]: (context.votes.tally[event.option] ?? 0) + 1 } }) : {},
      ),
      voteCounts: assign(({ context, event }) => (event.type === 'VOTE_COUNTS_SET' ? record(context, { ...context.votes, tally: { ...context.votes.tally, ...event.counts } }) : {})),
      undo: assign(({ context }) => ({ votes: context.undo.at(-1)!, undo: context.undo.slice(0, -1) })),
      /** Scores go up at the reveal, and the round is logged with the majority as the story's way on. */
      reveal: assign(({ context }) => {
        const card = cardOf(context);
        const points: Record<string, number> = {};
        for (const team of context.teams) {
          const option = card.options.find((o) => o.id === context.votes.choices[team.id]);
          points[team.id] = context.recording === 'teams' && option ? option.points : 0;
        }
        return {
          teams: context.teams.map((t) => ({ ...t, score: t.score + points[t.id]! })),
          log: [
            ...context.log,
            { scene: card.id, round: card.round, choices: context.votes.choices, tally: context.votes.tally, followed: majority(card.options, context.recording, context.votes), points },
          ],
          undo: [],
        };
      }),
      follow: assign(({ context, event }) => (event.type === 'FOLLOW' ? { log: [...context.log.slice(0, -1), { ...context.log.at(-1)!, followed: event.option }] } : {})),
      playFollowed: assign(({ context }) => moved(context, { type: 'CHOOSE', option: context.log.at(-1)!.followed })),
      playStep: assign(({ context }) => moved(context, { type: 'CHOOSE', option: (sceneOf(context) as ChoicesScene).options[0]!.id })),
      playContinue: assign(({ context }) => moved(context, { type: 'CONTINUE' })),
      setNotes: assign(({ context, event }) => (event.type === 'NOTES_SET' ? { notes: { ...context.notes, [event.field]: event.text } } : {})),
      addAction: assign(({ context, event }) => (event.type === 'ACTION_ADD' ? { actions: [...context.actions, event.action] } : {})),
      removeAction: assign(({ context, event }) => (event.type === 'ACTION_REMOVE' ? { actions: context.actions.filter((a) => a.id !== event.id) } : {})),
    },
  }).createMachine({
    id: 'workshop-session',
    initial: 'setup',
    context: {
      recording: 'teams',
      teams: [],
      game: { scene: game.start, context: createActor(gameMachine).getSnapshot().context },
      votes: noVotes(),
      undo: [],
      timer: countdown(0),
      log: [],
      notes: { what: '', why: '' },
      actions: [],
      startedAt: null,
    },
    states: {
      setup: { on: { SETUP: { guard: 'validSetup', target: 'scene', actions: 'setUp' } } },
      /** Routes to what the game's current scene is; never rests here. */
      scene: {
        always: [
          { guard: 'atDecision', target: 'card' },
          { guard: 'atStep', target: 'step' },
          { guard: 'atEnding', target: 'ending' },
          { target: 'between' },
        ],
      },
      card: {
        initial: 'open',
        on: {
          TEAM_CHOICE: { guard: and(['teamsMode', 'knownOption']), actions: 'teamChoice' },
          VOTE_ADD: { guard: and(['tallyMode', 'knownOption']), actions: 'voteAdd' },
          VOTE_COUNTS_SET: { guard: and(['tallyMode', 'knownOption']), actions: 'voteCounts' },
          UNDO: { guard: 'canUndo', actions: 'undo' },
          REVEAL: { target: 'reveal', actions: ['pauseTimer', 'reveal'] },
        },
        states: {
          open: {
            on: {
              TIMER_START: { guard: 'hasTime', actions: 'startTimer' },
              TIMER_PAUSE: { guard: 'timerRunning', actions: 'pauseTimer' },
              TIMER_ADD: { actions: 'addTime' },
              TIME_UP: { target: 'timeUp', actions: 'stopAtZero' },
            },
          },
          timeUp: { on: { TIMER_ADD: { target: 'open', actions: 'addTime' } } },
        },
      },
      reveal: {
        on: {
          FOLLOW: { guard: 'knownOption', actions: 'follow' },
          NEXT: { target: 'scene', actions: 'playFollowed' },
        },
      },
      between: { on: { CONTINUE: { target: 'scene', actions: 'playContinue' } } },
      step: { on: { CONTINUE: { target: 'scene', actions: 'playStep' } } },
      ending: { on: { CONTINUE: 'debrief' } },
      debrief: {
        initial: 'what',
        on: { NOTES_SET: { actions: 'setNotes' } },
        states: {
          what: { on: { STEP_NEXT: 'why', STEP_BACK: '#workshop-session.ending' } },
          why: { on: { STEP_NEXT: 'actions', STEP_BACK: 'what' } },
          actions: {
            on: {
              STEP_BACK: 'why',
              FINISH: '#workshop-session.results',
              ACTION_ADD: { actions: 'addAction' },
              ACTION_REMOVE: { actions: 'removeAction' },
            },
          },
        },
      },
      results: { on: { STEP_BACK: 'debrief.actions' } },
    },
  });
}

/** The options a card offers at this point of the story (conditions on the meters hold). */
export function cardOptions(game: CompiledGame, context: SessionContext): GameOption[] {
  const scene = game.scenes[context.game.scene];
  return isDecision(scene) ? availableOptions(scene, context.game.context.meters) : [];
}

export type WorkshopSessionMachine = ReturnType<typeof createWorkshopSessionMachine>;
export type WorkshopSnapshot = SnapshotFrom<WorkshopSessionMachine>;

/** What every view renders: the machine's state and context, as stored and as broadcast. */
export interface SessionView {
  value: WorkshopSnapshot['value'];
  context: SessionContext;
}

export type Phase = 'setup' | 'card' | 'timeUp' | 'reveal' | 'between' | 'step' | 'ending' | 'what' | 'why' | 'actions' | 'results';

/** The one place that turns the machine's state value into the phase views switch on. */
export function phaseOf(value: SessionView['value']): Phase {
  if (typeof value === 'string') return value as Phase;
  if ('card' in value) return value.card === 'timeUp' ? 'timeUp' : 'card';
  if ('debrief' in value) return value.debrief as Phase;
  return 'setup';
}
