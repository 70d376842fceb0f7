/**
 * CHANGELOG.md per course and game (format in DECISIONS.md), newest entry first:
 *
 *     # Muutokset / Changes
 *     ## 1.0.2 – 2026-12-04
 *     - Scoring: changed (final-test pool rewritten)      or      - Scoring: unchanged
 *     - What changed, one line each.
 *
 * The newest entry's version must be the version in course.yaml / game.yaml, so that an LMS admin
 * replacing a package can read what changed and whether scoring changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentBuild } from './build-content.ts';
import { ProblemList, type Problem } from './problems.ts';

export interface ChangelogEntry {
  version: string;
  date: string;
  line: number;
  scoringChanged: boolean | null;
}

const ENTRY = /^##\s+(\S+)\s+[–-]\s+(\S+)\s*$/;
const VERSION = /^\d+\.\d+\.\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SCORING = /^-\s+Scoring:\s+(changed|unchanged)\b/;

/** Parses one changelog, adding a problem for each entry that does not follow the format. */
export function parseChangelog(text: string, file: string, problems: ProblemList): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line.startsWith('## ')) {
      const scoring = SCORING.exec(line);
      const current = entries.at(-1);
      if (scoring && current && current.scoringChanged === null) current.scoringChanged = scoring[1] === 'changed';
      return;
    }
    const match = ENTRY.exec(line);
    if (!match || !VERSION.test(match[1]!) || !DATE.test(match[2]!)) {
      problems.add(file, i + 1, 'entry', `"${line}" is not an entry heading; write "## <version> – <YYYY-MM-DD>", e.g. "## 1.0.2 – 2026-12-04"`);
      return;
    }
    entries.push({ version: match[1]!, date: match[2]!, line: i + 1, scoringChanged: null });
  });
  for (const entry of entries) {
    if (entry.scoringChanged === null) {
      problems.add(file, entry.line, `entry ${entry.version}`, 'says nothing about scoring; its first line is "- Scoring: changed (…)" or "- Scoring: unchanged"');
    }
  }
  entries.slice(1).forEach((entry, i) => {
    if (compareVersions(entry.version, entries[i]!.version) >= 0) {
      problems.add(file, entry.line, `entry ${entry.version}`, `is not older than the entry above it (${entries[i]!.version}); the newest entry comes first`);
    }
  });
  return entries;
}

/** Checks one changelog against the version in the course's or game's metadata. */
export function checkChangelog(text: string | null, file: string, version: string, metaFile: string, problems: ProblemList): void {
  if (text === null) {
    problems.add(file, 1, '(file)', `missing: every course and game has a CHANGELOG.md; start it with "# Muutokset / Changes" and "## ${version} – <YYYY-MM-DD>"`);
    return;
  }
  const newest = parseChangelog(text, file, problems)[0];
  if (!newest) {
    problems.add(file, 1, '(file)', `no entry; the newest entry must be "## ${version} – <YYYY-MM-DD>" (the version in ${metaFile})`);
  } else if (newest.version !== version) {
    problems.add(file, newest.line, `entry ${newest.version}`, `the newest entry must be for version ${version} (the version in ${metaFile}); add an entry for ${version} above it`);
  }
}

/** Changelog problems of every course and game in a build. */
export function changelogProblems(root: string, build: Pick<ContentBuild, 'courses' | 'games'>): Problem[] {
  const problems = new ProblemList();
  const items = [
    ...build.courses.map((c) => ({ dir: join(root, 'content/courses', c.meta.id), meta: 'course.yaml', version: c.meta.version })),
    ...build.games.map((g) => ({ dir: join(root, 'content/games', g.meta.id), meta: 'game.yaml', version: g.meta.version })),
  ];
  for (const item of items) {
    const path = join(item.dir, 'CHANGELOG.md');
    const file = relative(root, path);
    checkChangelog(existsSync(path) ? readFileSync(path, 'utf8') : null, file, item.version, relative(root, join(item.dir, item.meta)), problems);
  }
  return problems.items;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if (x[i]! !== y[i]!) return x[i]! - y[i]!;
  return 0;
}
