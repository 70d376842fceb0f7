/** `npm run validate`: checks all content, one line per problem, non-zero exit on any. */
import { buildContent } from './build-content.ts';
import { formatProblem } from './problems.ts';
import { coverage, coverageTable } from './coverage.ts';
import { qualitySummary } from './item-quality/summary.ts';
import { changelogProblems } from './changelog.ts';

const root = process.cwd();
const build = buildContent(root, process.argv.slice(2));
const { problems, courses, games } = build;
problems.push(...changelogProblems(root, build));
console.log(`Translation coverage:\n${coverageTable(coverage(build))}\n`);
console.log(qualitySummary(root, build));
for (const p of problems) console.log(formatProblem(p));
if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in content/.`);
  process.exit(1);
}
console.log(`Content OK: ${courses.length} course${courses.length === 1 ? '' : 's'}, ${games.length} game${games.length === 1 ? '' : 's'}.`);
