/**
 * The trainer's exports. CSV: one file, a header block (game and version, date, mode, teams,
 * ending) then one table each for the choices, the totals, the agreed actions and the debrief
 * notes; UTF-8 with a BOM and semicolons, dates as 4.12.2026, as a Finnish spreadsheet expects.
 * Cells that a spreadsheet would run as a formula are neutralised (OWASP, CSV injection).
 * JSON: the same facts with ISO dates.
 */
import type { CompiledGame } from '../../content/game-schema';
import { optionLetter } from '../rules';
import { isDecision, type SessionContext } from './machine';
import { ranking } from './results';

/** A value a spreadsheet would read as a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const csvRow = (cells: (string | number)[]) => cells.map(csvCell).join(';');

/** 4.12.2026: the Finnish short date, which Finnish spreadsheets read as a date. */
export function csvDate(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(`${date}T12:00:00`) : date;
  return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
}

export interface CsvLabels {
  workshop: string;
  game: string;
  date: string;
  mode: string;
  modeName: string;
  teams: string;
  ending: string;
  round: string;
  card: string;
  team: string;
  choice: string;
  points: string;
  votes: string;
  followed: string;
  place: string;
  total: string;
  action: string;
  owner: string;
  due: string;
  notes: string;
  notesWhat: string;
  notesWhy: string;
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();

function optionLabel(game: CompiledGame, sceneId: string, optionId: string | undefined): string {
  const scene = game.scenes[sceneId];
  if (!isDecision(scene)) return '';
  const i = scene.options.findIndex((o) => o.id === optionId);
  return i < 0 ? '' : `${optionLetter(i)}: ${plain(scene.options[i]!.html)}`;
}

export function workshopCsv(game: CompiledGame, context: SessionContext, ending: string | null, l: CsvLabels, date: Date): string {
  const rows: string[] = [];
  rows.push(csvRow([l.workshop, game.title]));
  rows.push(csvRow([l.game, `${game.id} ${game.version}`]));
  rows.push(csvRow([l.date, csvDate(date)]));
  rows.push(csvRow([l.mode, l.modeName]));
  rows.push(csvRow([l.teams, context.teams.map((t) => t.name).join(', ')]));
  rows.push(csvRow([l.ending, ending ?? '']));
  rows.push('');
  rows.push(csvRow([l.round, l.card, l.team, l.choice, l.points, l.votes, l.followed]));
  for (const record of context.log) {
    const scene = game.scenes[record.scene];
    if (!isDecision(scene)) continue;
    const followed = optionLabel(game, record.scene, record.followed);
    if (context.recording === 'teams') {
      for (const team of context.teams) {
        rows.push(csvRow([record.round ?? '', scene.title, team.name, optionLabel(game, record.scene, record.choices[team.id]), record.points[team.id] ?? 0, '', followed]));
      }
    } else {
      for (const option of scene.options) rows.push(csvRow([record.round ?? '', scene.title, '', optionLabel(game, record.scene, option.id), '', record.tally[option.id] ?? 0, followed]));
    }
  }
  if (context.recording === 'teams') {
    rows.push('');
    rows.push(csvRow([l.place, l.team, l.total]));
    for (const { team, place } of ranking(context.teams)) rows.push(csvRow([place, team.name, team.score]));
  }
  rows.push('');
  rows.push(csvRow([l.action, l.owner, l.due]));
  for (const a of context.actions) rows.push(csvRow([a.text, a.owner, a.due ? csvDate(a.due) : '']));
  rows.push('');
  rows.push(csvRow([l.notes, '']));
  rows.push(csvRow([l.notesWhat, context.notes.what]));
  rows.push(csvRow([l.notesWhy, context.notes.why]));
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

export function workshopJson(game: CompiledGame, context: SessionContext, ending: string | null, exportedAt: Date) {
  return {
    format: 'kohtaamo-workshop',
    formatVersion: 2,
    exportedAt: exportedAt.toISOString(),
    startedAt: context.startedAt === null ? null : new Date(context.startedAt).toISOString(),
    game: { id: game.id, version: game.version, title: game.title, lang: game.lang },
    recording: context.recording,
    ending,
    teams: ranking(context.teams).map(({ team, place }) => ({ ...team, place })),
    rounds: context.log
      .filter((r) => isDecision(game.scenes[r.scene]))
      .map((r) => ({ ...r, card: game.scenes[r.scene]!.title })),
    debrief: context.notes,
    actions: context.actions,
  };
}
