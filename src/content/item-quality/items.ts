/**
 * The items the item-writing checks look at, gathered from compiled courses and games with the
 * file and line an author has to open: the questions whose type describes its answer key
 * (`qualityItem` in the type's content module: choices, orderings, matchings) and the choice
 * scenes of games (whose "key" is the option with the most points).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CourseBuild } from '../course-compiler.ts';
import type { GameBuild } from '../game-compiler.ts';
import type { Lang } from '../schema.ts';
import { plainText } from './text.ts';
import { qualityItem } from '../question-compiler.ts';

export interface Place {
  file: string;
  line: number;
  /** `question q-id` or `scene scene-id`, as the validator names fields. */
  field: string;
}

export interface ChoiceItem extends Place {
  owner: { kind: 'courses' | 'games'; id: string; lang: Lang };
  id: string;
  /** The question's type, or `scene` for a game's choice scene. */
  type: string;
  prompt: string;
  options: { text: string; keyed: boolean }[];
}

export interface SequenceItem extends Place {
  owner: { kind: 'courses'; id: string; lang: Lang };
  id: string;
  type: 'ordering' | 'matching';
  /** Ordering: the items in the correct order. Matching: each pair as [left, right]. */
  entries: string[] | [string, string][];
}

export interface CourseItems {
  course: CourseBuild;
  lang: Lang;
  file: string;
  choices: ChoiceItem[];
  sequences: SequenceItem[];
}

/** Line of each `- id: <id>` in a YAML or Markdown source (question ids, option ids). */
export function idLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const m = /^\s*-?\s*id:\s*([a-z0-9-]+)\s*$/.exec(line);
    if (m && !lines.has(m[1]!)) lines.set(m[1]!, i + 1);
  });
  return lines;
}

export function courseItems(root: string, course: CourseBuild): CourseItems[] {
  const out: CourseItems[] = [];
  for (const lang of course.languages) {
    const compiled = course.compiled[lang];
    if (!compiled) continue;
    const path = join(root, 'content', 'courses', course.meta.id, lang, 'questions.yaml');
    const file = relative(root, path);
    let source = '';
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      continue; // a course without questions has no items
    }
    const lines = idLines(source);
    const owner = { kind: 'courses' as const, id: course.meta.id, lang };
    const choices: ChoiceItem[] = [];
    const sequences: SequenceItem[] = [];
    for (const q of Object.values(compiled.questions)) {
      const place = { file, line: lines.get(q.id) ?? 1, field: `question ${q.id}` };
      const item = qualityItem(q);
      if (item?.kind === 'choice') {
        choices.push({ ...place, owner, id: q.id, type: q.type, prompt: plainText(item.prompt), options: item.options.map((o) => ({ text: plainText(o.html), keyed: o.keyed })) });
      } else if (item?.kind === 'ordering') {
        sequences.push({ ...place, owner, id: q.id, type: 'ordering', entries: item.entries.map(plainText) });
      } else if (item?.kind === 'matching') {
        sequences.push({ ...place, owner, id: q.id, type: 'matching', entries: item.pairs.map(([left, right]) => [plainText(left), right] as [string, string]) });
      }
    }
    out.push({ course, lang, file, choices, sequences });
  }
  return out;
}

export interface GameItems {
  game: GameBuild;
  lang: Lang;
  file: string;
  /** Choice scenes whose options differ in points, so one of them is the best. */
  scenes: ChoiceItem[];
  /** Every option of every choice scene (for wording checks such as "all of the above"). */
  allOptions: ChoiceItem[];
}

export function gameItems(root: string, game: GameBuild): GameItems[] {
  const out: GameItems[] = [];
  for (const lang of game.languages) {
    const compiled = game.compiled[lang];
    if (!compiled) continue;
    const path = join(root, 'content', 'games', game.meta.id, lang, 'scenes.md');
    const file = relative(root, path);
    const source = readFileSync(path, 'utf8');
    const sceneLines = new Map<string, number>();
    source.split('\n').forEach((line, i) => {
      const m = /^#\s.*\{#([a-z0-9-]+)\}\s*$/.exec(line);
      if (m) sceneLines.set(m[1]!, i + 1);
    });
    const owner = { kind: 'games' as const, id: game.meta.id, lang };
    const scenes: ChoiceItem[] = [];
    const allOptions: ChoiceItem[] = [];
    for (const scene of Object.values(compiled.scenes)) {
      if (scene.type !== 'choices') continue;
      const best = Math.max(...scene.options.map((o) => o.points));
      const item: ChoiceItem = {
        file,
        line: sceneLines.get(scene.id) ?? 1,
        field: `scene ${scene.id}`,
        owner,
        id: scene.id,
        type: 'scene',
        prompt: plainText(scene.html),
        options: scene.options.map((o) => ({ text: plainText(o.html), keyed: o.points === best })),
      };
      allOptions.push(item);
      if (scene.options.some((o) => o.points !== best)) scenes.push(item);
    }
    out.push({ game, lang, file, scenes, allOptions });
  }
  return out;
}
