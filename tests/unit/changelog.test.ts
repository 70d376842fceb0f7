/** CHANGELOG.md per course and game: format, order, and the newest entry against the content version. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { changelogProblems, checkChangelog, parseChangelog } from '../../src/content/changelog';
import { formatProblem, ProblemList } from '../../src/content/problems';

const FILE = 'content/courses/x/CHANGELOG.md';
const check = (text: string | null, version = '1.0.2') => {
  const problems = new ProblemList();
  checkChangelog(text, FILE, version, 'content/courses/x/course.yaml', problems);
  return problems.items.map(formatProblem);
};
const good = `# Muutokset / Changes

## 1.0.2 – 2026-12-04
- Scoring: changed (final-test pool rewritten)
- Two new questions.

## 1.0.1 – 2026-11-23
- Scoring: unchanged
- Swedish review.
`;

describe('changelog', () => {
  it('accepts the format of DECISIONS.md and reads its entries', () => {
    expect(check(good)).toEqual([]);
    const entries = parseChangelog(good, FILE, new ProblemList());
    expect(entries).toEqual([
      { version: '1.0.2', date: '2026-12-04', line: 3, scoringChanged: true },
      { version: '1.0.1', date: '2026-11-23', line: 7, scoringChanged: false },
    ]);
  });

  it('names file and line when the newest entry is not the content version', () => {
    expect(check(good, '1.0.3')).toEqual([
      `${FILE}:3: entry 1.0.2: the newest entry must be for version 1.0.3 (the version in content/courses/x/course.yaml); add an entry for 1.0.3 above it`,
    ]);
  });

  it('reports a missing file, no entry, a bad heading, no scoring line and a wrong order', () => {
    expect(check(null)).toEqual([`${FILE}:1: (file): missing: every course and game has a CHANGELOG.md; start it with "# Muutokset / Changes" and "## 1.0.2 – <YYYY-MM-DD>"`]);
    expect(check('# Muutokset / Changes\n')).toEqual([`${FILE}:1: (file): no entry; the newest entry must be "## 1.0.2 – <YYYY-MM-DD>" (the version in content/courses/x/course.yaml)`]);
    expect(check(good.replace('## 1.0.1 – 2026-11-23', '## v1.0.1 (23.11.2026)'))).toEqual([
      `${FILE}:7: entry: "## v1.0.1 (23.11.2026)" is not an entry heading; write "## <version> – <YYYY-MM-DD>", e.g. "## 1.0.2 – 2026-12-04"`,
    ]);
    expect(check(good.replace('- Scoring: unchanged\n', ''))).toEqual([
      `${FILE}:7: entry 1.0.1: says nothing about scoring; its first line is "- Scoring: changed (…)" or "- Scoring: unchanged"`,
    ]);
    const swapped = good.replace('## 1.0.2', '## 1.0.X').replace('## 1.0.1', '## 1.0.2').replace('## 1.0.X', '## 1.0.1');
    expect(check(swapped)).toContain(`${FILE}:7: entry 1.0.2: is not older than the entry above it (1.0.1); the newest entry comes first`);
  });

  it('holds for every shipped course and game', () => {
    const root = resolve(import.meta.dirname, '../..');
    const build = buildContent(root);
    expect(build.courses.length + build.games.length).toBeGreaterThanOrEqual(7);
    expect(changelogProblems(root, build).map(formatProblem)).toEqual([]);
  }, 60_000);

  it('is checked by npm run validate for a course whose version was raised without an entry', async () => {
    const { spawnSync } = await import('node:child_process');
    const root = mkdtempSync(join(tmpdir(), 'kohtaamo-changelog-'));
    try {
      const source = resolve(import.meta.dirname, '../..');
      cpSync(join(source, 'content'), join(root, 'content'), { recursive: true });
      const meta = join(root, 'content/courses/selkea-kieli/course.yaml');
      const text = readFileSync(meta, 'utf8');
      const shipped = text.match(/^version: (.*)$/m)![1]!.trim();
      // The newest entry of the shipped changelog names the shipped version; find its line.
      const changelogLines = readFileSync(join(root, 'content/courses/selkea-kieli/CHANGELOG.md'), 'utf8').split('\n');
      const newestLine = changelogLines.findIndex((l) => l.startsWith('## ')) + 1;
      expect(changelogLines[newestLine - 1]).toMatch(new RegExp(`^## ${shipped.replace(/\./g, '\\.')} `));
      writeFileSync(meta, text.replace(/^version: .*$/m, 'version: 9.9.9'));
      const run = spawnSync(process.execPath, [join(source, 'src/tools/vite-run.mjs'), join(source, 'src/content/cli.ts')], { cwd: root, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(
        `content/courses/selkea-kieli/CHANGELOG.md:${newestLine}: entry ${shipped}: the newest entry must be for version 9.9.9 (the version in content/courses/selkea-kieli/course.yaml)`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
