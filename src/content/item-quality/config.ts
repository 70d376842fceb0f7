/**
 * content/config.yaml: the thresholds of the item-writing checks, set by the content team rather
 * than in code. A missing file means the defaults below, all enforced.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { ProblemList } from '../problems.ts';
import { check, parseYaml } from '../yaml-source.ts';

const share = z.number().min(0, 'a share is between 0 and 1').max(1, 'a share is between 0 and 1');

export const contentConfigSchema = z.strictObject({
  itemQuality: z
    .strictObject({
      /** Highest allowed share of items whose keyed (best) option is the longest one. */
      longestKeyedShare: z.strictObject({ courses: share.default(0.35), games: share.default(0.35) }).prefault({}),
      /** A share says nothing about a handful of items: fewer than this and it is not judged. */
      minItemsForShare: z.number().int().min(1).default(5),
      /** Fewest options a single-choice question may have. */
      minOptions: z.number().int().min(2).default(3),
      /** A final-test pool needs at least this many times its draw in items without findings. */
      poolFactor: z.number().min(1).default(1.5),
      /** Whose findings fail `validate` and the build; the others are printed as warnings. */
      enforce: z.strictObject({ courses: z.boolean().default(true), games: z.boolean().default(true), practices: z.boolean().default(true) }).prefault({}),
    })
    .prefault({}),
});
export type ContentConfig = z.infer<typeof contentConfigSchema>;

export function loadContentConfig(root: string, problems: ProblemList): ContentConfig {
  const path = join(root, 'content', 'config.yaml');
  const defaults = contentConfigSchema.parse({});
  if (!existsSync(path)) return defaults;
  const src = parseYaml(relative(root, path), readFileSync(path, 'utf8'), 1, problems);
  return (src && check(contentConfigSchema, src, [], '', problems)) || defaults;
}
