/**
 * Workshop mode, for a trainer in front of a projector: teams, votes per card, scores, a timer
 * and a three-step debrief with agreed actions. Pure state changes, stored with the game session.
 */
import type { CompiledGame, GameOption } from '../content/game-schema';
import { optionLetter } from './rules';
import { countdown, type Countdown } from './timer';

export interface Team {
  id: string;
  name: string;
  score: number;
}

export interface Action {
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
  /** … or the vote tally per option (tally mode). */
  tally: Record<string, number>;
  /** The option the story followed. */
  followed: string;
  points: Record<string, number>;
}

export interface WorkshopState {
  phase: 'setup' | 'play' | 'reveal' | 'debrief' | 'results';
  recording: 'teams' | 'tally';
  teams: Team[];
  /** Choices and tallies being recorded for the current card. */
  choices: Record<string, string>;
  tally: Record<string, number>;
  timer: Countdown;
  log: RoundRecord[];
  debriefStep: 0 | 1 | 2;
  notes: { what: string; why: string };
  actions: Action[];
}

export const MIN_TEAMS = 2;
export const MAX_TEAMS = 8;

export function newWorkshop(teamNames: string[], recording: WorkshopState['recording'] = 'teams'): WorkshopState {
  return {
    phase: 'setup',
    recording,
    teams: teamNames.map((name, i) => ({ id: `t${i + 1}`, name, score: 0 })),
    choices: {},
    tally: {},
    timer: countdown(0),
    log: [],
    debriefStep: 0,
    notes: { what: '', why: '' },
    actions: [],
  };
}

/** Names problems with the team set-up, or returns null when it can start. */
export function setupProblem(names: string[]): 'count' | 'empty' | 'duplicate' | null {
  if (names.length < MIN_TEAMS || names.length > MAX_TEAMS) return 'count';
  if (names.some((n) => !n.trim())) return 'empty';
  if (new Set(names.map((n) => n.trim().toLowerCase())).size !== names.length) return 'duplicate';
  return null;
}

/** The option the story follows: the most chosen (or voted); a tie goes to the earlier option. */
export function majority(options: GameOption[], state: Pick<WorkshopState, 'recording' | 'choices' | 'tally'>): string | null {
  const counts = new Map(options.map((o) => [o.id, 0]));
  if (state.recording === 'teams') for (const choice of Object.values(state.choices)) counts.set(choice, (counts.get(choice) ?? 0) + 1);
  else for (const [option, n] of Object.entries(state.tally)) counts.set(option, (counts.get(option) ?? 0) + n);
  let best: string | null = null;
  for (const o of options) if ((counts.get(o.id) ?? 0) > (best === null ? 0 : counts.get(best)!)) best = o.id;
  return best;
}

/** Closes a card: scores each team by its choice and records the round. */
export function closeCard(state: WorkshopState, scene: { id: string; round?: number; options: GameOption[] }, followed: string): WorkshopState {
  const points: Record<string, number> = {};
  for (const team of state.teams) {
    const option = scene.options.find((o) => o.id === state.choices[team.id]);
    points[team.id] = state.recording === 'teams' && option ? option.points : 0;
  }
  return {
    ...state,
    phase: 'play',
    teams: state.teams.map((t) => ({ ...t, score: t.score + (points[t.id] ?? 0) })),
    log: [...state.log, { scene: scene.id, round: scene.round, choices: state.choices, tally: state.tally, followed, points }],
    choices: {},
    tally: {},
  };
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csvRow = (cells: (string | number)[]) => cells.map(csvCell).join(';');

/** Labels for the export, in the UI language. */
export interface ExportLabels {
  round: string;
  card: string;
  team: string;
  choice: string;
  points: string;
  votes: string;
  followed: string;
  total: string;
  action: string;
  owner: string;
  due: string;
}

const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').trim();

/**
 * CSV for the trainer's report (semicolons and a BOM, as spreadsheet programs in Finland expect):
 * every card with every team's choice and points, the totals, then the agreed actions.
 */
export function workshopCsv(game: CompiledGame, state: WorkshopState, l: ExportLabels): string {
  const rows: string[] = [];
  rows.push(csvRow([l.round, l.card, l.team, l.choice, l.points, l.votes, l.followed]));
  for (const record of state.log) {
    const scene = game.scenes[record.scene];
    if (scene?.type !== 'choices') continue;
    const label = (id: string | undefined) => {
      const i = scene.options.findIndex((o) => o.id === id);
      return i < 0 ? '' : `${optionLetter(i)}: ${plain(scene.options[i]!.html)}`;
    };
    if (state.recording === 'teams') {
      for (const team of state.teams) {
        rows.push(csvRow([record.round ?? '', scene.title, team.name, label(record.choices[team.id]), record.points[team.id] ?? 0, '', label(record.followed)]));
      }
    } else {
      for (const option of scene.options) {
        rows.push(csvRow([record.round ?? '', scene.title, '', label(option.id), '', record.tally[option.id] ?? 0, label(record.followed)]));
      }
    }
  }
  rows.push('');
  rows.push(csvRow([l.team, l.total]));
  for (const team of state.teams) rows.push(csvRow([team.name, team.score]));
  rows.push('');
  rows.push(csvRow([l.action, l.owner, l.due]));
  for (const action of state.actions) rows.push(csvRow([action.text, action.owner, action.due]));
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

export function workshopJson(game: CompiledGame, state: WorkshopState, ending: string | null, exportedAt = new Date()) {
  return {
    format: 'kohtaamo-workshop',
    formatVersion: 1,
    exportedAt: exportedAt.toISOString(),
    game: { id: game.id, version: game.version, title: game.title, lang: game.lang },
    ending,
    teams: state.teams,
    rounds: state.log.map((r) => ({ ...r, card: game.scenes[r.scene]?.title ?? r.scene })),
    debrief: state.notes,
    actions: state.actions,
  };
}
