/**
 * The plain-language checker's content: settings and word lists per language (content/plain-language/),
 * and the check that a course teaching clear language passes its own rules, page by page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkText } from '../plain-language/check.ts';
import type { CheckerSettings, TextLang } from '../plain-language/types.ts';
import { ProblemList } from './problems.ts';
import { readSourceFile } from './source-file.ts';
import { check, lineOf, parseYaml } from './yaml-source.ts';

const settingsSchema = z.strictObject({
  longSentenceWords: z.number().int().min(5).max(80),
  longWordLetters: z.number().int().min(0).max(60),
  knownAbbreviations: z.array(z.string().trim().min(1)).default([]),
  wordList: z.array(z.strictObject({ term: z.string().trim().min(1), plain: z.string().trim().min(1) })).default([]),
});
const easySchema = settingsSchema.pick({ longSentenceWords: true, longWordLetters: true });
const limitsSchema = z.strictObject({ maxFlaggedShare: z.number().min(0).max(1), maxLongestSentenceWords: z.number().int().min(5).max(100) });
const courseChecksSchema = z.strictObject({
  courses: z.record(z.string(), limitsSchema.extend({ easy: limitsSchema.optional() })).default({}),
});

export type CheckerProfiles = Record<TextLang | 'selko', CheckerSettings>;

export interface PageCheckRow {
  file: string;
  line: number;
  courseId: string;
  /** fi, sv, en, or selko for Easy Finnish. */
  variant: TextLang | 'selko';
  pageId: string;
  sentences: number;
  flaggedShare: number;
  longestSentenceWords: number;
  passed: boolean;
}

export interface PlainLanguageBuild {
  profiles: CheckerProfiles | null;
  pages: PageCheckRow[];
}

const DIR = ['content', 'plain-language'];

export function compilePlainLanguage(root: string, problems: ProblemList): PlainLanguageBuild {
  const dir = join(root, ...DIR);
  if (!existsSync(dir)) return { profiles: null, pages: [] };
  const read = <T extends z.ZodType>(name: string, schema: T): z.infer<T> | null => {
    const file = join(dir, name);
    const rel = [...DIR, name].join('/');
    if (!existsSync(file)) {
      problems.add(rel, 1, '(file)', 'missing: the plain-language checker needs it');
      return null;
    }
    const source = readSourceFile(file, rel, problems);
    const src = source === null ? null : parseYaml(rel, source, 1, problems);
    return src ? check(schema, src, [], '', problems) : null;
  };
  const fi = read('fi.yaml', settingsSchema);
  const sv = read('sv.yaml', settingsSchema);
  const en = read('en.yaml', settingsSchema);
  const selko = read('selko.yaml', easySchema);
  const checks = read('course-checks.yaml', courseChecksSchema);
  if (!fi || !sv || !en || !selko) return { profiles: null, pages: [] };
  const profiles: CheckerProfiles = { fi, sv, en, selko: { ...fi, ...selko } };
  const pages: PageCheckRow[] = [];
  for (const [courseId, limits] of Object.entries(checks?.courses ?? {})) {
    const courseDir = join(root, 'content', 'courses', courseId);
    if (!existsSync(courseDir)) {
      const src = parseYaml([...DIR, 'course-checks.yaml'].join('/'), readFileSync(join(dir, 'course-checks.yaml'), 'utf8'), 1, problems);
      problems.add([...DIR, 'course-checks.yaml'].join('/'), src ? lineOf(src, ['courses', courseId]) : 1, `courses.${courseId}`, 'no course with this id');
      continue;
    }
    for (const variant of ['fi', 'sv', 'en', 'selko'] as const) {
      const variantLimits = variant === 'selko' ? limits.easy : limits;
      const variantDir = join(courseDir, variant);
      if (!variantLimits || !existsSync(variantDir)) continue;
      for (const name of readdirSync(variantDir).filter((n) => n.endsWith('.md')).sort()) {
        const rel = ['content', 'courses', courseId, variant, name].join('/');
        // The course compiler already reports an unreadable module file; a second report would repeat it.
        const source = readSourceFile(join(variantDir, name), rel, new ProblemList());
        for (const page of source === null ? [] : teachingText(source)) {
          const lang = variant === 'selko' ? 'fi' : variant;
          const { summary } = checkText(page.text, lang, profiles[variant]);
          const passed = summary.flaggedShare <= variantLimits.maxFlaggedShare && summary.longestSentenceWords <= variantLimits.maxLongestSentenceWords;
          pages.push({ file: rel, line: page.line, courseId, variant, pageId: page.id, sentences: summary.sentences, flaggedShare: summary.flaggedShare, longestSentenceWords: summary.longestSentenceWords, passed });
          if (!passed) {
            problems.add(
              rel,
              page.line,
              `page ${page.id}`,
              `breaks the clear-language rules the course teaches: ${Math.round(summary.flaggedShare * 100)} % of sentences get a checker hint (limit ${Math.round(variantLimits.maxFlaggedShare * 100)} %), longest sentence ${summary.longestSentenceWords} words (limit ${variantLimits.maxLongestSentenceWords}); open the page in the checker (#/tools/kieli) to see where`,
            );
          }
        }
      }
    }
  }
  return { profiles, pages };
}

export interface TeachingPage {
  id: string;
  line: number;
  text: string;
}

/**
 * The prose a page teaches with, one entry per page of a module file. Left out: the header, fenced
 * blocks (images, quotes, quizzes, callouts), tables, headings, "before" example paragraphs, and
 * examples in *italics* or quotation marks, which show the very constructions the course warns about.
 */
export function teachingText(markdown: string): TeachingPage[] {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  const pages: TeachingPage[] = [];
  let current: TeachingPage | null = null;
  let inFence = false;
  let inHeader = lines[0]?.trim() === '---';
  let skipParagraph = false;
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    if (inHeader) {
      if (index > 0 && line === '---') inHeader = false;
      return;
    }
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const heading = /^# .*\{#([a-z0-9-]+)\}\s*$/.exec(line);
    if (heading) {
      current = { id: heading[1]!, line: index + 1, text: '' };
      pages.push(current);
      skipParagraph = false;
      return;
    }
    if (!current) return;
    if (line.trim() === '') {
      skipParagraph = false;
      (current as TeachingPage).text += '\n\n';
      return;
    }
    if (/^\*\*(?:Ennen|Före|Before)\b/i.test(line.trim())) skipParagraph = true;
    if (skipParagraph || /^#{2,6}\s/.test(line) || /^\s*\|/.test(line)) return;
    // A list item is a unit of its own, with or without final punctuation.
    const listItem = /^\s*(?:[-*+]|\d+\.)\s+/.test(line);
    (current as TeachingPage).text += listItem ? `\n\n${stripMarkdown(line)}\n\n` : `${stripMarkdown(line)}\n`;
  });
  return pages;
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')
    .replace(/\*\*(?:Jälkeen|Efter|After)[^*]*\*\*\s*/gi, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(?<!\*)\*(?!\*)[^*]+\*(?!\*)/g, '…')
    .replace(/[“”"«»][^“”"«»]*[“”"«»]/g, '…')
    .replace(/\*\*/g, '')
    .replace(/`[^`]*`/g, '…');
}
