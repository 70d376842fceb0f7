/**
 * How an import knows the ids inside each course and game: from the compiled content the app was
 * built with. Pages come from the catalogue; questions and scenes from the course or game chunk,
 * loaded for the content the file names. A chunk that cannot be loaded (offline, not cached) leaves
 * those references checked by course id only, so an import still works offline.
 */
import type { ContentIds, ExportData } from '../storage/transfer';
import { catalogue, findEntry, loadCourse } from './content';
import { loadGame } from '../game/load-game';

export async function checkImport(text: string): Promise<ExportData> {
  const { parseImport } = await import('../storage/transfer');
  const named = parseImport(text, new Set(catalogue.map((c) => c.id)));
  const ids = new Map<string, ContentIds>(catalogue.map((c) => [c.id, {}]));
  for (const id of new Set(named.attempts.map((a) => a.contentId))) {
    const entry = findEntry(id);
    const course = entry?.kind === 'course' ? await loadCourse(id, entry.languages[0]!).catch(() => null) : null;
    ids.set(id, {
      pages: entry?.kind === 'course' ? new Set(entry.pageIds) : undefined,
      questions: course ? new Set(Object.keys(course.questions)) : undefined,
    });
  }
  for (const id of new Set(named.gameSessions.map((g) => g.gameId))) {
    const entry = findEntry(id);
    const game = entry ? await loadGame(id, entry.languages[0]!).catch(() => null) : null;
    ids.set(id, { scenes: game ? new Set(Object.keys(game.scenes)) : undefined });
  }
  return parseImport(text, ids);
}
