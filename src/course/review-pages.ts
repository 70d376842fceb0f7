/**
 * Which pages to re-read after a wrong final-test answer. Final-test questions are not placed on a
 * page, so the page is found by the words the question and its explanation share with the page
 * text, weighted by how rare each word is in the course (Finnish inflects, so words are compared by
 * their first letters). Pure and deterministic.
 */
import type { Block, CompiledCourse, Question } from '../content/schema.ts';
import { readingPath, type PathStep } from './navigation.ts';
import { rulesOf } from './questions/registry.ts';

const STEM = 6;
const plain = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');

function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length >= STEM || /^\d{4}$/.test(word)) out.add(word.slice(0, STEM));
  return out;
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'text':
    case 'callout':
    case 'readmore':
    case 'quote':
      return plain(block.html);
    case 'keypoints':
      return block.points.map(plain).join(' ');
    case 'practice':
      return [block.title, block.what, block.achieved, block.next].map(plain).join(' ');
    default:
      return '';
  }
}

function questionText(q: Question): string {
  const parts = [q.prompt, q.explanation ?? ''];
  parts.push(...rulesOf(q.type).topicHtml(q));
  return plain(parts.join(' '));
}

/** The best page for each question, or none when nothing matches. */
export function pageForQuestion(course: CompiledCourse): (question: Question) => PathStep | undefined {
  const path = readingPath(course);
  const pageStems = path.map((s) => stems(`${s.page.title} ${s.page.blocks.map(blockText).join(' ')}`));
  const df = new Map<string, number>();
  for (const set of pageStems) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  return (question) => {
    const words = stems(questionText(question));
    let best: PathStep | undefined;
    let bestScore = 0;
    path.forEach((step, i) => {
      let score = 0;
      for (const w of words) if (pageStems[i]!.has(w)) score += Math.log(path.length / df.get(w)!);
      if (score > bestScore) [best, bestScore] = [step, score];
    });
    return best;
  };
}

/** The pages to re-read for the questions answered wrong, in reading order, each once. */
export function pagesToReview(course: CompiledCourse, wrong: readonly Question[]): PathStep[] {
  const find = pageForQuestion(course);
  const chosen = new Set(wrong.map(find).filter((s): s is PathStep => Boolean(s)).map((s) => s.index));
  return readingPath(course).filter((s) => chosen.has(s.index));
}
