/** The good-practice library: one YAML file per card, every language in it. */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { renderBlock } from './markdown.ts';
import type { ProblemList } from './problems.ts';
import { id, LANGUAGES, perLang, PRACTICE_THEMES, text, type Lang } from './schema.ts';
import { check, lineOf, parseYaml } from './yaml-source.ts';
import { readSourceFile } from './source-file.ts';

const perLangText = perLang(text);

export const practiceFileSchema = z.strictObject({
  id,
  theme: z.enum(PRACTICE_THEMES),
  title: perLangText,
  what: perLangText,
  /** `plan` when the sources tell what was agreed but no results yet: the card says so. */
  stage: z.enum(['result', 'plan']).default('result'),
  achieved: perLangText,
  next: perLangText,
  more: z.array(z.strictObject({ title: perLangText, url: z.string().regex(/^(https:\/\/|mailto:)/, 'links must start with https:// or mailto:') })).default([]),
  sources: text,
});

/** A card as the app shows it, in one language. */
export interface PracticeCard {
  id: string;
  theme: (typeof PRACTICE_THEMES)[number];
  title: string;
  /** Set when the card tells a plan, not results. */
  stage?: 'result' | 'plan';
  what: string;
  achieved: string;
  next: string;
  more: { title: string; url: string }[];
}

export interface PracticeLibrary {
  /** Cards per language; a card missing a language is left out of that language. */
  cards: Record<Lang, PracticeCard[]>;
  ids: Set<string>;
}

export function compilePractices(root: string, problems: ProblemList): PracticeLibrary {
  const library: PracticeLibrary = { cards: { fi: [], sv: [], en: [] }, ids: new Set() };
  const dir = join(root, 'content', 'practices');
  if (!existsSync(dir)) return library;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const file = relative(root, join(dir, name));
    const text = readSourceFile(join(dir, name), file, problems);
    const src = text === null ? null : parseYaml(file, text, 1, problems);
    const card = src && check(practiceFileSchema, src, [], '', problems);
    if (!src || !card) continue;
    if (`${card.id}.yaml` !== name) problems.add(file, lineOf(src, ['id']), 'id', `must equal the file name "${name.slice(0, -5)}"`);
    if (library.ids.has(card.id)) problems.add(file, lineOf(src, ['id']), 'id', `duplicate card id "${card.id}"`);
    library.ids.add(card.id);
    const languages = LANGUAGES.filter((l) => card.title[l]);
    for (const lang of languages) {
      const missing = (['what', 'achieved', 'next'] as const).filter((k) => !card[k][lang]);
      for (const key of missing) problems.add(file, lineOf(src, [key]), `${key}.${lang}`, `missing, though the card has a "${lang}" title`);
      card.more.forEach((m, i) => {
        if (!m.title[lang]) problems.add(file, lineOf(src, ['more', i, 'title']), `more[${i + 1}].title.${lang}`, 'missing');
      });
      if (missing.length > 0) continue;
      library.cards[lang].push({
        id: card.id,
        theme: card.theme,
        title: card.title[lang]!,
        stage: card.stage,
        what: renderBlock(card.what[lang]!),
        achieved: renderBlock(card.achieved[lang]!),
        next: renderBlock(card.next[lang]!),
        more: card.more.map((m) => ({ title: m.title[lang] ?? m.title.fi ?? m.url, url: m.url })),
      });
    }
  }
  return library;
}
