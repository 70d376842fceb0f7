/** Compiles everything under content/ and gathers every problem found on the way. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileCourse, type CourseBuild } from './course-compiler.ts';
import { ProblemList, type Problem } from './problems.ts';
import type { CatalogueEntry } from './schema.ts';

export interface ContentBuild {
  catalogue: CatalogueEntry[];
  courses: CourseBuild[];
  problems: Problem[];
}

/**
 * @param root folder that holds `content/`; problems name files relative to it
 * @param only ids to include (a SCORM package carries one course); all when empty
 */
export function buildContent(root: string, only: string[] = []): ContentBuild {
  const problems = new ProblemList();
  const coursesDir = join(root, 'content', 'courses');
  const courses: CourseBuild[] = [];
  if (!existsSync(coursesDir)) {
    problems.add('content/courses', 1, '(folder)', 'missing: there is no content to show');
  } else {
    for (const name of readdirSync(coursesDir).sort()) {
      const dir = join(coursesDir, name);
      if (!statSync(dir).isDirectory()) continue;
      if (only.length > 0 && !only.includes(name)) continue;
      const course = compileCourse(root, dir, problems);
      if (course) courses.push(course);
    }
  }
  for (const id of only) {
    if (!courses.some((c) => c.meta.id === id)) problems.add('content', 1, 'id', `no course or game with the id "${id}"`);
  }
  return { catalogue: courses.map((c) => c.catalogue), courses, problems: problems.items };
}
