/** The preview LMS's server: one attempt per package, refusal of other packages' data, total time. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { manifest12, manifest2004 } from '../../src/lms/packager/manifest';
import { formatDuration, launch, manifestKey, parseDuration, readDataFile } from '../../src/lms/preview/attempt';
import { startPreview, type Preview } from '../../src/lms/preview/server';

const dir = mkdtempSync(join(tmpdir(), 'kohtaamo-preview-unit-'));
function zip(name: string, version: '1.2' | '2004', contentVersion = '1.0.1'): string {
  const input = { id: 'kurssi', version: contentVersion, languages: ['fi' as const], title: { fi: 'Kurssi' }, description: { fi: 'Kuvaus' }, files: ['index.html'] };
  const path = join(dir, name);
  writeFileSync(path, zipSync({ 'imsmanifest.xml': strToU8(version === '1.2' ? manifest12(input) : manifest2004(input)), 'index.html': strToU8('<!doctype html><title>x</title>') }));
  return path;
}

const running: Preview[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});
async function preview(zipPath: string, dataFile: string) {
  const p = await startPreview(zipPath, { dataFile });
  running.push(p);
  return p;
}
const cmi12 = (sessionTime: string, exit = 'suspend') => ({ cmi: { core: { student_id: 'preview-1', lesson_status: 'incomplete', exit, session_time: sessionTime, lesson_location: 'm/p' } } });

describe('preview LMS times', () => {
  it('reads and writes SCORM 1.2 timespans and 2004 durations', () => {
    expect(parseDuration('00:01:30')).toBe(90);
    expect(parseDuration('0001:00:02.5')).toBe(3602.5);
    expect(parseDuration('PT1H2M3.5S')).toBe(3723.5);
    expect(parseDuration('P1DT1S')).toBe(86401);
    expect(parseDuration('')).toBe(0);
    expect(parseDuration('PT')).toBe(0);
    expect(parseDuration('soon')).toBe(0);
    expect(formatDuration(3723.5, '1.2')).toBe('01:02:03.50');
    expect(formatDuration(90, '1.2')).toBe('00:01:30');
    expect(formatDuration(3723.5, '2004')).toBe('PT1H2M3.5S');
    expect(parseDuration(formatDuration(45296.25, '2004'))).toBe(45296.25);
  });

  it('adds each session’s time to the total once, and offers resume after suspend', () => {
    const key = { identifier: 'k', version: '1', scorm: '1.2' as const };
    const first = launch(null, key, null);
    expect(first.cmi.cmi.core.entry).toBe('ab-initio');
    const second = launch({ ...first.stored, data: cmi12('00:01:30') }, key, null);
    expect(second.cmi.cmi.core).toMatchObject({ entry: 'resume', exit: '', total_time: '00:01:30', session_time: '00:00:00' });
    expect(second.stored).toMatchObject({ totalSeconds: 90, sessions: 2 });
    // A launch that never started a session adds nothing more.
    const third = launch(second.stored, key, null);
    expect(third.stored.totalSeconds).toBe(90);
    expect(third.cmi.cmi.core.total_time).toBe('00:01:30');
    const finished = launch({ ...third.stored, data: cmi12('00:00:30', '') }, key, null);
    expect(finished.cmi.cmi.core).toMatchObject({ entry: '', total_time: '00:02:00' });
  });

  it('keys data by manifest identifier, package version and SCORM version', () => {
    expect(manifestKey(readZipManifest(zip('a.zip', '1.2')))).toEqual({ identifier: 'kohtaamo-kurssi-1.0.1-scorm12', version: '1.0.1', scorm: '1.2' });
    expect(manifestKey(readZipManifest(zip('b.zip', '2004')))).toEqual({ identifier: 'kohtaamo-kurssi-1.0.1-scorm2004', version: '1.0.1', scorm: '2004' });
    expect(readDataFile('{"cmi":{}}').problem).toMatch(/not a preview data file/);
    expect(readDataFile('{').problem).toMatch(/not JSON/);
  });
});

function readZipManifest(path: string): string {
  return new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(path)))['imsmanifest.xml']);
}

describe('preview LMS server', () => {
  it('refuses data from another package (an old tab on the same port) and keeps each package’s own', async () => {
    const dataFile = join(dir, 'shared.json');
    const old = await preview(zip('old.zip', '1.2'), dataFile);
    const put = (p: Preview, key: string | null, body: unknown) =>
      fetch(`${p.url}cmi${key === null ? '' : `?package=${encodeURIComponent(key)}`}`, { method: 'PUT', body: JSON.stringify(body) });
    expect((await put(old, old.key, cmi12('00:00:10'))).status).toBe(204);
    const fresh = await preview(zip('new.zip', '2004'), dataFile);
    const refused = await put(fresh, old.key, cmi12('00:00:20'));
    expect(refused.status).toBe(409);
    expect(await refused.text()).toMatch(/^Refused: this data comes from package kohtaamo-kurssi-1\.0\.1-scorm12@1\.0\.1\/scorm1\.2, but this preview server now serves kohtaamo-kurssi-1\.0\.1-scorm2004@1\.0\.1\/scorm2004\. .*Reload the tab\.$/);
    expect((await put(fresh, null, cmi12('00:00:20'))).status).toBe(409); // an older preview page names no package
    expect((await fetch(`${fresh.url}launch?package=x`, { method: 'POST' })).status).toBe(409);
    expect((await fetch(`${fresh.url}cmi?package=x`, { method: 'DELETE' })).status).toBe(409);
    expect(fresh.cmi()).toBeNull();
    expect(old.cmi()).toEqual(cmi12('00:00:10')); // the file keeps both packages apart
    const launched = (await (await fetch(`${fresh.url}launch?package=${encodeURIComponent(fresh.key)}`, { method: 'POST' })).json()) as { cmi: { cmi: Record<string, string> } };
    expect(launched.cmi.cmi.entry).toBe('ab-initio');
    expect(launched.cmi.cmi.core).toBeUndefined();
  });

  it('a new package version starts its own attempt', async () => {
    const dataFile = join(dir, 'versions.json');
    const v1 = await preview(zip('v1.zip', '1.2', '1.0.1'), dataFile);
    await fetch(`${v1.url}cmi?package=${encodeURIComponent(v1.key)}`, { method: 'PUT', body: JSON.stringify(cmi12('00:00:10')) });
    await v1.close();
    const v2 = await preview(zip('v2.zip', '1.2', '1.0.2'), dataFile);
    expect(v2.key).not.toBe(v1.key);
    expect(v2.cmi()).toBeNull();
  });

  it('accumulates total time over launches and forgets it on reset', async () => {
    const p = await preview(zip('time.zip', '1.2'), join(dir, 'time.json'));
    const q = `?package=${encodeURIComponent(p.key)}`;
    const start = async () => ((await (await fetch(`${p.url}launch${q}`, { method: 'POST' })).json()) as { cmi: { cmi: { core: Record<string, string> } }; totalSeconds: number; session: number });
    await start();
    await fetch(`${p.url}cmi${q}`, { method: 'PUT', body: JSON.stringify(cmi12('00:02:05.50')) });
    const second = await start();
    expect(second).toMatchObject({ totalSeconds: 125.5, session: 2 });
    expect(second.cmi.cmi.core).toMatchObject({ total_time: '00:02:05.50', entry: 'resume' });
    await fetch(`${p.url}cmi${q}`, { method: 'PUT', body: JSON.stringify(cmi12('00:00:04.50')) });
    expect((await start()).cmi.cmi.core.total_time).toBe('00:02:10');
    expect((await fetch(`${p.url}cmi${q}`, { method: 'DELETE' })).status).toBe(204);
    expect(p.attempt()).toBeNull();
    expect((await start()).cmi.cmi.core.entry).toBe('ab-initio');
  });

  it('moves an unreadable data file aside and says so on the page', async () => {
    const dataFile = join(dir, 'broken.json');
    writeFileSync(dataFile, '{"cmi": {"core": {}}}'); // an older preview's format
    const p = await preview(zip('broken.zip', '1.2'), dataFile);
    expect(existsSync(`${dataFile}.unreadable`)).toBe(true);
    expect(await (await fetch(p.url)).text()).toContain('could not be used: it is not a preview data file of this version');
  });
});

describe('npm run lms-preview <id>', () => {
  it('finds the package of the current version, or says what to run', async () => {
    const { mkdirSync } = await import('node:fs');
    const { resolvePackage } = await import('../../src/lms/preview/server');
    const base = mkdtempSync(join(tmpdir(), 'kohtaamo-resolve-'));
    mkdirSync(join(base, 'content/games/peli'), { recursive: true });
    mkdirSync(join(base, 'dist/packages'), { recursive: true });
    writeFileSync(join(base, 'content/games/peli/game.yaml'), 'id: peli\nversion: 2.3.4\n');
    expect(() => resolvePackage('peli', '2004', base)).toThrow(`${join(base, 'dist/packages/peli-2.3.4-scorm2004.zip')} is not built yet: run npm run package -- peli`);
    writeFileSync(join(base, 'dist/packages/peli-2.3.4-scorm2004.zip'), '');
    expect(resolvePackage('peli', '2004', base)).toBe(join(base, 'dist/packages/peli-2.3.4-scorm2004.zip'));
    expect(resolvePackage('any/path.zip', '1.2', base)).toBe('any/path.zip');
    expect(() => resolvePackage('ei-ole', '1.2', base)).toThrow('"ei-ole" is neither a .zip file nor a course or game id in content/');
  });
});
