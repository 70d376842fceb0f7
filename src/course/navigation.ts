/** The course as one reading path: pages in order, with their modules. */
import type { CompiledCourse, Module, Page } from '../content/schema';
import type { Route } from '../app/router';

export interface PathStep {
  module: Module;
  page: Page;
  index: number;
}

export function readingPath(course: CompiledCourse): PathStep[] {
  return course.modules.flatMap((module) => module.pages.map((page) => ({ module, page }))).map((s, index) => ({ ...s, index }));
}

export function pageRoute(course: CompiledCourse, step: PathStep): Route {
  return { name: 'page', courseId: course.id, moduleId: step.module.id, pageId: step.page.id };
}

/** Where "continue" takes the learner: the saved place, else the first page not yet seen. */
export function resumeRoute(course: CompiledCourse, location: string | undefined, visited: ReadonlySet<string>): Route {
  const path = readingPath(course);
  if (location === 'test' && course.finalTest) return { name: 'test', courseId: course.id };
  if (location === 'certificate') return { name: 'certificate', courseId: course.id };
  const [moduleId, pageId] = (location ?? '').split('/');
  const saved = path.find((s) => s.module.id === moduleId && s.page.id === pageId);
  const target = saved ?? path.find((s) => !visited.has(s.page.id)) ?? path[0];
  return target ? pageRoute(course, target) : { name: 'course', courseId: course.id };
}
