/**
 * The one definition of an openness game: zod schemas for the authored files (build time) and the
 * compiled types the game engine receives. The app imports types only.
 */
import { z } from 'zod';
import { id, perLang, text, type Html, type Lang } from './schema.ts';
import type { PracticeCard } from './practice-compiler.ts';


export const gameMetaSchema = z.strictObject({
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'use the form 1.0.0'),
  minutes: z.number().int().min(1).max(600),
  modes: z.array(z.enum(['solo', 'workshop'])).min(1),
  title: perLang(text),
  description: perLang(text),
  scoring: z.enum(['endings', 'points']),
  passMark: z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100'),
  start: id,
  meters: z
    .array(z.strictObject({ id, min: z.number().int(), max: z.number().int(), start: z.number().int() }))
    .min(1, 'a game needs at least one meter'),
});
export type GameMeta = z.infer<typeof gameMetaSchema>;

/** `trust >= 3 and understanding < 5` */
export const conditionText = z.string().regex(/^\s*[a-z0-9-]+\s*(>=|<=|==|>|<)\s*-?\d+(\s+and\s+[a-z0-9-]+\s*(>=|<=|==|>|<)\s*-?\d+)*\s*$/, 'use a condition like "trust >= 3" (join with "and")');

const next = z.union([id, z.array(z.strictObject({ if: conditionText.optional(), to: id })).min(1)]);

export const sceneBlockSchemas = {
  choices: z.strictObject({
    round: z.number().int().min(1).optional(),
    timer: z.number().int().min(5).max(3600).optional(),
    timeout: id.optional(),
    options: z
      .array(
        z.strictObject({
          id,
          text,
          feedback: text,
          effects: z.record(z.string(), z.number().int()).default({}),
          points: z.number().int().min(0).default(0),
          if: conditionText.optional(),
          next,
        }),
      )
      .min(1),
  }),
  review: z.strictObject({ meters: z.array(id).min(1), green: z.number().int(), yellow: z.number().int(), next: id }),
  discussion: z.strictObject({ prompts: z.array(text).min(1), next: id }),
  ending: z.strictObject({
    score: z.number().min(0).max(100).optional(),
    what: text,
    why: text,
    apply: text,
    /** Good-practice cards (ids in content/practices) shown with the debrief. */
    practices: z.array(id).default([]),
  }),
} as const;
export type SceneKind = keyof typeof sceneBlockSchemas;

export const scenesHeaderSchema = z.strictObject({ meters: z.record(z.string(), text) });

// ---------------------------------------------------------------------------------------------
// Compiled game

export interface Condition {
  meter: string;
  op: '>=' | '<=' | '==' | '>' | '<';
  value: number;
}
export type Branch = { if: Condition[]; to: string };

export interface GameOption {
  id: string;
  html: Html;
  feedback: Html;
  effects: Record<string, number>;
  points: number;
  if: Condition[];
  /** Checked in order after the effects; the last branch usually has no condition. */
  next: Branch[];
}

interface SceneBase {
  id: string;
  title: string;
  html: Html;
}
export type Scene =
  | (SceneBase & { type: 'choices'; round?: number; timer?: number; timeout?: string; options: GameOption[] })
  | (SceneBase & { type: 'review'; meters: string[]; green: number; yellow: number; next: string })
  | (SceneBase & { type: 'discussion'; prompts: Html[]; next: string })
  | (SceneBase & { type: 'ending'; score?: number; what: Html; why: Html; apply: Html; practices: PracticeCard[] });

export interface CompiledGame {
  kind: 'game';
  id: string;
  version: string;
  lang: Lang;
  title: string;
  description: string;
  minutes: number;
  modes: ('solo' | 'workshop')[];
  scoring: 'endings' | 'points';
  passMark: number;
  start: string;
  meters: { id: string; name: string; min: number; max: number; start: number }[];
  scenes: Record<string, Scene>;
  /** Scene ids in authored order (for menus and workshop exports). */
  order: string[];
}

export function parseCondition(source: string | undefined): Condition[] {
  if (!source) return [];
  return source.split(/\s+and\s+/).map((part) => {
    const m = /^\s*([a-z0-9-]+)\s*(>=|<=|==|>|<)\s*(-?\d+)\s*$/.exec(part)!;
    return { meter: m[1]!, op: m[2] as Condition['op'], value: Number(m[3]) };
  });
}
