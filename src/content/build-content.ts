/** Compiles everything under content/ and gathers every problem found on the way. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileCourse, type CourseBuild } from './course-compiler.ts';
import { compileGame, type GameBuild } from './game-compiler.ts';
import { compilePractices, type PracticeLibrary } from './practice-compiler.ts';
import { checkContentQuality } from './item-quality/index.ts';
import { compileFacilitator, type FacilitatorBuild } from './facilitator-compiler.ts';
import { compilePlainLanguage, type PlainLanguageBuild } from './plain-language-compiler.ts';
import { ProblemList, type Problem } from './problems.ts';
import { checkRewriteModels } from '../course/questions/types/rewrite/model-check.ts';
import type { CatalogueEntry } from './schema.ts';

export interface ContentBuild {
  catalogue: CatalogueEntry[];
  courses: CourseBuild[];
  games: GameBuild[];
  practices: PracticeLibrary;
  facilitator: FacilitatorBuild[];
  plainLanguage: PlainLanguageBuild;
  problems: Problem[];
}

/**
 * @param root folder that holds `content/`; problems name files relative to it
 * @param only ids to include (a SCORM package carries one course); all when empty
 */
export function buildContent(root: string, only: string[] = []): ContentBuild {
  const problems = new ProblemList();
  const courses: CourseBuild[] = [];
  const games: GameBuild[] = [];
  const facilitator: FacilitatorBuild[] = [];
  const folders = (kind: 'courses' | 'games') => {
    const dir = join(root, 'content', kind);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .sort()
      .map((name) => join(dir, name))
      .filter((path) => statSync(path).isDirectory() && (only.length === 0 || only.includes(path.split(/[\\/]/).pop()!)));
  };
  if (!existsSync(join(root, 'content', 'courses')) && !existsSync(join(root, 'content', 'games'))) {
    problems.add('content', 1, '(folder)', 'no content/courses or content/games: there is nothing to show');
  }
  const practices = compilePractices(root, problems);
  for (const dir of folders('courses')) {
    const course = compileCourse(root, dir, problems, practices);
    if (course) courses.push(course);
  }
  for (const dir of folders('games')) {
    const game = compileGame(root, dir, problems, practices);
    if (game) games.push(game);
    const guide = game && compileFacilitator(root, dir, game, problems);
    if (guide) facilitator.push(guide);
  }
  for (const id of only) {
    if (!courses.some((c) => c.meta.id === id) && !games.some((g) => g.meta.id === id)) {
      problems.add('content', 1, 'id', `no course or game with the id "${id}"`);
    }
  }
  problems.items.push(...checkContentQuality(root, courses, games).failing);
  const plainLanguage = compilePlainLanguage(root, problems);
  checkRewriteModels(root, courses, plainLanguage.profiles, problems);
  return { catalogue: [...courses.map((c) => c.catalogue), ...games.map((g) => g.catalogue)], courses, games, practices, facilitator, plainLanguage, problems: problems.items };
}
