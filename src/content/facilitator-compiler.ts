/**
 * A game's facilitator material (content/games/<id>/<lang>/facilitator.yaml): purpose, preparation,
 * a timing plan, notes per scene and debrief questions. For the trainer's eyes only: it compiles to
 * its own chunk, which the participant, solo and audience views never load.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { GameBuild } from './game-compiler.ts';
import { renderBlock, renderInline } from './markdown.ts';
import type { ProblemList } from './problems.ts';
import { readSourceFile } from './source-file.ts';
import { id, LANGUAGES, text, type Lang } from './schema.ts';
import { check, lineOf, parseYaml } from './yaml-source.ts';

export const facilitatorSchema = z.strictObject({
  purpose: text,
  goals: z.array(text).min(1),
  preparation: z.array(text).min(1),
  timing: z.array(z.strictObject({ step: text, minutes: z.number().int().min(1).max(240), scenes: z.array(id).default([]) })).min(1),
  scenes: z.record(id, z.strictObject({ say: text, discussion: z.array(text).default([]), pitfalls: z.array(text).default([]), background: text.optional() })).default({}),
  debrief: z.array(text).min(1),
  sources: z.array(text).default([]),
});

type Html = string;

export interface FacilitatorGuide {
  gameId: string;
  lang: Lang;
  purpose: Html;
  goals: Html[];
  preparation: Html[];
  timing: { step: Html; minutes: number; scenes: string[] }[];
  scenes: Record<string, { say: Html; discussion: Html[]; pitfalls: Html[]; background?: Html }>;
  debrief: Html[];
  sources: Html[];
}

export interface FacilitatorBuild {
  gameId: string;
  guides: Partial<Record<Lang, FacilitatorGuide>>;
  /** Scene notes per language, for the coverage table. */
  notes: Record<Lang, number>;
}

export function compileFacilitator(root: string, dir: string, game: GameBuild, problems: ProblemList): FacilitatorBuild | null {
  const rel = (path: string) => relative(root, path);
  const files = Object.fromEntries(LANGUAGES.map((l) => [l, join(dir, l, 'facilitator.yaml')])) as Record<Lang, string>;
  const present = game.languages.filter((l) => existsSync(files[l]));
  if (present.length === 0) return null;
  const build: FacilitatorBuild = { gameId: game.meta.id, guides: {}, notes: { fi: 0, sv: 0, en: 0 } };
  for (const lang of game.languages) {
    if (!present.includes(lang)) {
      problems.add(rel(files[lang]), 1, '(facilitator)', `missing: the game is in "${lang}" and has facilitator material in ${present.join(', ')}`);
      continue;
    }
    const file = rel(files[lang]);
    const source = readSourceFile(files[lang], file, problems);
    const src = source === null ? null : parseYaml(file, source, 1, problems);
    const material = src && check(facilitatorSchema, src, [], '', problems);
    if (!src || !material) continue;
    const compiled = game.compiled[lang];
    const sceneIds = new Set(compiled ? Object.keys(compiled.scenes) : []);
    for (const sceneId of Object.keys(material.scenes)) {
      if (!sceneIds.has(sceneId)) problems.add(file, lineOf(src, ['scenes', sceneId]), `scenes.${sceneId}`, `unknown scene "${sceneId}" (not in ${game.meta.id}/${lang}/scenes.md)`);
    }
    material.timing.forEach((step, i) => {
      for (const sceneId of step.scenes) {
        if (!sceneIds.has(sceneId)) problems.add(file, lineOf(src, ['timing', i, 'scenes']), `timing[${i + 1}].scenes`, `unknown scene "${sceneId}"`);
      }
    });
    const total = material.timing.reduce((sum, step) => sum + step.minutes, 0);
    if (total !== game.meta.minutes) {
      problems.add(file, lineOf(src, ['timing']), 'timing', `the steps add up to ${total} minutes, but the game lasts ${game.meta.minutes} (game.yaml minutes)`);
    }
    build.notes[lang] = Object.keys(material.scenes).length;
    build.guides[lang] = {
      gameId: game.meta.id,
      lang,
      purpose: renderBlock(material.purpose),
      goals: material.goals.map(renderInline),
      preparation: material.preparation.map(renderInline),
      timing: material.timing.map((step) => ({ step: renderInline(step.step), minutes: step.minutes, scenes: step.scenes })),
      scenes: Object.fromEntries(
        Object.entries(material.scenes).map(([sceneId, note]) => [
          sceneId,
          {
            say: renderBlock(note.say),
            discussion: note.discussion.map(renderInline),
            pitfalls: note.pitfalls.map(renderInline),
            ...(note.background ? { background: renderBlock(note.background) } : {}),
          },
        ]),
      ),
      debrief: material.debrief.map(renderInline),
      sources: material.sources.map(renderInline),
    };
  }
  return build;
}
