/** What `npm run validate` prints about item quality: the measured shares and pools, and the warnings. */
import type { ContentBuild } from '../build-content.ts';
import { formatProblem } from '../problems.ts';
import { checkContentQuality } from './index.ts';

export function qualitySummary(root: string, build: ContentBuild): string {
  const report = checkContentQuality(root, build.courses, build.games);
  const percent = (n: number) => `${Math.round(n * 100)} %`;
  const lines = ['Item quality (limits in content/config.yaml):'];
  for (const s of report.shares) {
    const what = s.kind === 'courses' ? 'keyed option longest' : 'best option longest';
    lines.push(`  ${s.id} (${s.lang}): ${what} in ${s.longest}/${s.items} = ${percent(s.share)} (limit ${percent(s.limit)})${s.share > s.limit ? '  ← over' : ''}`);
  }
  for (const p of report.pools) {
    lines.push(`  ${p.id} (${p.lang}): final-test pool ${p.good}/${p.pool} without findings, draw ${p.draw} needs ${p.needed}${p.good < p.needed ? '  ← too few' : ''}`);
  }
  if (report.warnings.length > 0) {
    lines.push(`\n${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'} (not failing: content/config.yaml itemQuality.enforce is off for their kind):`);
    lines.push(...report.warnings.map((p) => `  warning: ${formatProblem(p)}`));
  }
  return `${lines.join('\n')}\n`;
}
