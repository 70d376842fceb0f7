/**
 * The one definition of Kohtaamo's content. The zod schemas check the authored files at build time;
 * the compiled types below are what the app receives. The app imports types only (`import type`),
 * so zod never reaches the shipped bundle.
 */
import { z } from 'zod';

import { LANGUAGES, PRACTICE_THEMES, type Lang } from './constants.ts';
export { LANGUAGES, PRACTICE_THEMES, type Lang };

import { id, perLang, text } from './schema-primitives.ts';
import { QUESTION_CONTENT } from '../course/questions/content-registry.ts';
export { id, perLang, text };

export const courseMetaSchema = z.strictObject({
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use the form 1.0.0'),
  minutes: z.number().int().min(1).max(600),
  passMark: z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100'),
  title: perLang(text),
  description: perLang(text),
  objectives: perLang(z.array(text).min(1)),
  modules: z.array(id).min(1, 'a course needs at least one module'),
  finalTest: z
    .strictObject({
      draw: z.number().int().min(1),
      pool: z.array(id).min(1),
      maxTries: z.number().int().min(0).default(0),
    })
    .optional(),
  completion: z
    .strictObject({
      allPages: z.boolean().default(true),
      finalTest: z.enum(['passed', 'attempted', 'none']).default('passed'),
    })
    .default({ allPages: true, finalTest: 'passed' }),
});
export type CourseMeta = z.infer<typeof courseMetaSchema>;

export const moduleHeaderSchema = z.strictObject({ id, title: text });

const link = z.strictObject({
  title: text,
  url: z.string().regex(/^(https:\/\/|mailto:)/, 'links must start with https:// or mailto:'),
  description: text.optional(),
});


/** Fenced blocks inside a module file, keyed by the word after the opening fence. */
export const blockSchemas = {
  image: z.strictObject({ src: text, alt: text, caption: text.optional() }),
  callout: z.strictObject({ kind: z.enum(['tip', 'note', 'warning']).default('note'), title: text.optional(), text }),
  readmore: z.strictObject({ title: text, text }),
  keypoints: z.strictObject({ title: text.optional(), points: z.array(text).min(1) }),
  quote: z.strictObject({ text, source: text.optional() }),
  links: z.strictObject({ title: text.optional(), links: z.array(link).min(1) }),
  practice: z.strictObject({
    title: text,
    theme: z.enum(PRACTICE_THEMES),
    what: text,
    achieved: text,
    next: text,
    more: z.array(link).default([]),
  }),
  quiz: z.strictObject({ title: text.optional(), questions: z.array(id).min(1) }),
} as const;

/** A practice block may instead name a card of the good-practice library. */
export const practiceRefSchema = z.strictObject({ ref: id });
export type BlockKind = keyof typeof blockSchemas;

/** A question in a questions.yaml, by type: each type's module owns its schema. */
export const questionSchema = z.discriminatedUnion(
  'type',
  Object.values(QUESTION_CONTENT).map((c) => c.source) as unknown as [SourceSchema, ...SourceSchema[]],
);
/** What every type's source has in common; the rest is its own module's business. */
type SourceSchema = z.ZodObject<{ id: z.ZodString; type: z.ZodLiteral<QuestionTypeName> }>;
export type SourceQuestion = z.infer<typeof questionSchema>;
export const questionFileSchema = z.strictObject({ questions: z.array(z.unknown()).min(1) });

// ---------------------------------------------------------------------------------------------
// Compiled content: what the app loads. Every Markdown field is already sanitised HTML.

export type Html = string;

export type Block =
  | { type: 'text'; html: Html }
  | { type: 'image'; src: string; alt: string; caption?: Html }
  | { type: 'callout'; kind: 'tip' | 'note' | 'warning'; title?: string; html: Html }
  | { type: 'readmore'; title: string; html: Html }
  | { type: 'keypoints'; title?: string; points: Html[] }
  | { type: 'quote'; html: Html; source?: string }
  | { type: 'links'; title?: string; links: { title: string; url: string; description?: string }[] }
  | {
      type: 'practice';
      /** Set while the card is a reference to the library; the compiler fills in the rest. */
      ref?: string;
      title: string;
      theme: (typeof PRACTICE_THEMES)[number];
      /** A card that tells a plan, not results (from the library card). */
      stage?: 'result' | 'plan';
      what: Html;
      achieved: Html;
      next: Html;
      more: { title: string; url: string }[];
    }
  | { type: 'quiz'; title?: string; questions: string[] };

import type { Question, QuestionTypeName } from '../course/questions/registry.ts';
export type { ChoiceOption } from '../course/questions/types/choice/rules.ts';
export type { Question };

export interface Page {
  id: string;
  title: string;
  blocks: Block[];
  /** An Easy Finnish (selkokieli) version of the page, when one is written. */
  easy?: { title: string; blocks: Block[] };
}
export interface Module {
  id: string;
  title: string;
  pages: Page[];
}

export interface CompiledCourse {
  id: string;
  version: string;
  lang: Lang;
  title: string;
  description: string;
  minutes: number;
  passMark: number;
  objectives: string[];
  modules: Module[];
  questions: Record<string, Question>;
  finalTest?: { draw: number; pool: string[]; maxTries: number };
  completion: { allPages: boolean; finalTest: 'passed' | 'attempted' | 'none' };
}

/** One entry of the catalogue: small, with every language's title, loaded with the app. */
export interface CatalogueEntry {
  kind: 'course' | 'game';
  id: string;
  version: string;
  languages: Lang[];
  title: Partial<Record<Lang, string>>;
  description: Partial<Record<Lang, string>>;
  minutes: number;
  /** Page ids in study order, so the catalogue can show progress without loading the course. */
  pageIds: string[];
  hasFinalTest: boolean;
  /** Courses: the completion rule and the final test's tries (0 unlimited), so every screen applies one rule. */
  completion?: CompiledCourse['completion'];
  maxTries?: number;
  /** Pages with an Easy Finnish version (courses only). */
  easyPages?: number;
  /** Games only: how it can be played. */
  modes?: ('solo' | 'workshop')[];
}
