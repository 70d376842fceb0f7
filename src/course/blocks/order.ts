/**
 * The order blocks show in. A key-points box written right after a knowledge check would show the
 * answer just below the question, so key points move above the check they follow.
 */
import type { Block } from '../../content/schema';

export function displayOrder(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let pendingQuiz: Block[] = []; // a run of checks, held back until the key points after it have passed
  for (const block of blocks) {
    if (block.type === 'quiz') {
      pendingQuiz.push(block);
    } else if (block.type === 'keypoints' && pendingQuiz.length > 0) {
      out.push(block);
    } else {
      out.push(...pendingQuiz, block);
      pendingQuiz = [];
    }
  }
  return [...out, ...pendingQuiz];
}
