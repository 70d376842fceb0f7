/**
 * A compiled course in pieces, so a page's first view needs only its own text: an outline (every
 * title, page ids, settings; no page content) and one part per module with its pages' blocks and
 * the questions they ask. The questions no module asks (the final test's pool) are one more part.
 * `fillPart` puts a part back into the outline; with every part in, it equals the whole course.
 */
import type { Route } from '../app/router';
import type { Block, CompiledCourse, Page, Question } from './schema.ts';

export const TEST_PART = '@test';

export interface CoursePart {
  pages: Record<string, { blocks: Block[]; easy?: Block[] }>;
  questions: Record<string, Question>;
}

const asked = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'quiz' ? b.questions : []));

/** The pages ("<module id>/<page id>") with a knowledge check, in the page or its Easy Finnish version. */
export function pagesWithChecks(course: CompiledCourse): string[] {
  return course.modules.flatMap((m) => m.pages.filter((p) => asked(p.blocks).length > 0 || asked(p.easy?.blocks ?? []).length > 0).map((p) => `${m.id}/${p.id}`));
}

export function courseOutline(course: CompiledCourse): CompiledCourse {
  const empty = (page: Page): Page => ({ ...page, blocks: [], ...(page.easy ? { easy: { ...page.easy, blocks: [] } } : {}) });
  return { ...course, modules: course.modules.map((m) => ({ ...m, pages: m.pages.map(empty) })), questions: {} };
}

/** The part names: each module's id, then TEST_PART. */
export function partNames(course: CompiledCourse): string[] {
  return [...course.modules.map((m) => m.id), TEST_PART];
}

export function coursePart(course: CompiledCourse, name: string): CoursePart {
  const pick = (ids: Iterable<string>) => Object.fromEntries([...new Set(ids)].filter((id) => course.questions[id]).map((id) => [id, course.questions[id]!]));
  if (name === TEST_PART) {
    const inModules = new Set(course.modules.flatMap((m) => m.pages.flatMap((p) => [...asked(p.blocks), ...asked(p.easy?.blocks ?? [])])));
    return { pages: {}, questions: pick(Object.keys(course.questions).filter((id) => !inModules.has(id))) };
  }
  const module = course.modules.find((m) => m.id === name);
  if (!module) throw new Error(`course ${course.id} has no module ${name}`);
  return {
    pages: Object.fromEntries(module.pages.map((p) => [p.id, { blocks: p.blocks, ...(p.easy ? { easy: p.easy.blocks } : {}) }])),
    questions: pick(module.pages.flatMap((p) => [...asked(p.blocks), ...asked(p.easy?.blocks ?? [])])),
  };
}

/** Puts a part into the outline in place (the outline object stays the same for its holders). */
export function fillPart(outline: CompiledCourse, name: string, part: CoursePart): void {
  Object.assign(outline.questions, part.questions);
  const module = outline.modules.find((m) => m.id === name);
  for (const page of module?.pages ?? []) {
    const filled = part.pages[page.id];
    if (!filled) continue;
    page.blocks = filled.blocks;
    if (page.easy && filled.easy) page.easy.blocks = filled.easy;
  }
}

/** The parts of a course a route shows: a page its module; the intro the outline; the test everything. */
export function partsFor(route: Route): string[] | 'all' {
  if (route.name === 'page') return [route.moduleId];
  if (route.name === 'course') return [];
  return 'all';
}
