/**
 * The slot for the facilitator's notes on a card ("notes for this card"), shown only in the
 * console. Game content does not carry them yet; when it does (a `facilitatorNotes` field on a
 * compiled scene), this is the one place that reads them.
 */
import type { Scene } from '../../content/game-schema';

export function facilitatorNotes(scene: Scene | undefined): string | null {
  const notes = (scene as { facilitatorNotes?: unknown } | undefined)?.facilitatorNotes;
  return typeof notes === 'string' && notes.trim() ? notes : null;
}
