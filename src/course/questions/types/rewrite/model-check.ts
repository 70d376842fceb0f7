/**
 * Build-time check of a rewrite exercise against the plain-language checker: the rules it names
 * exist for its language, the original shows what the exercise is about, and the model answer
 * does not itself get the hints it is meant to remove.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../../../plain-language/check.ts';
import { RULES } from '../../../../plain-language/rules/index.ts';
import type { CheckerSettings, TextLang } from '../../../../plain-language/types.ts';
import type { CourseBuild } from '../../../../content/course-compiler.ts';
import { idLines } from '../../../../content/item-quality/items.ts';
import type { ProblemList } from '../../../../content/problems.ts';
import type { RewriteQuestion } from './rules.ts';

export function rewriteModelProblems(q: RewriteQuestion, settings: CheckerSettings): string[] {
  const known = RULES.filter((r) => r.langs.includes(q.lang)).map((r) => r.id);
  const unknown = q.rules.filter((id) => !known.includes(id));
  if (unknown.length > 0) return unknown.map((id) => `addresses: "${id}" is not a checker rule for ${q.lang} (known: ${known.join(', ')})`);
  const out: string[] = [];
  const onOriginal = new Set(checkText(q.original, q.lang, settings, q.rules).hints.map((h) => h.rule));
  for (const id of q.rules.filter((r) => !onOriginal.has(r))) out.push(`addresses: the checker finds no ${id} in the original, so the exercise cannot show it`);
  for (const hint of checkText(q.model, q.lang, settings, q.rules).hints) {
    out.push(`model: the model answer still gets the ${hint.rule} hint it is meant to remove ("${hint.text}")`);
  }
  return out;
}

/** Checks every rewrite exercise of the courses, reported at its line in questions.yaml. */
export function checkRewriteModels(root: string, courses: CourseBuild[], profiles: Record<TextLang, CheckerSettings> | null, problems: ProblemList) {
  if (!profiles) return; // the checker's settings are missing: reported by the plain-language compiler
  for (const course of courses) {
    for (const [lang, compiled] of Object.entries(course.compiled)) {
      const rewrites = Object.values(compiled?.questions ?? {}).filter((q): q is RewriteQuestion => q.type === 'rewrite');
      if (rewrites.length === 0) continue;
      const file = ['content', 'courses', course.meta.id, lang, 'questions.yaml'].join('/');
      const lines = idLines(readFileSync(join(root, file), 'utf8'));
      for (const q of rewrites) {
        for (const message of rewriteModelProblems(q, profiles[q.lang])) problems.add(file, lines.get(q.id) ?? 1, `question ${q.id}`, message);
      }
    }
  }
}
