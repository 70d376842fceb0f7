/**
 * The preview LMS's memory: one stored attempt per package (manifest identifier, package version,
 * SCORM version), and what the LMS hands the SCO at each launch: the earlier data, `entry`, and the
 * `total_time` an LMS accumulates from the sessions' `session_time`.
 */
export type ScormVersion = '1.2' | '2004';

export interface PackageKey {
  identifier: string;
  version: string;
  scorm: ScormVersion;
}

/** The CMI as scorm-again renders it (`renderCMIToJSONObject()`): `{ cmi: { … } }`. */
export type CmiJson = { cmi: Record<string, any> };

export interface StoredAttempt {
  package: PackageKey;
  /** What the last commit stored; null before the first. */
  data: CmiJson | null;
  /** Sum of the session times of the sessions before the current one. */
  totalSeconds: number;
  /** Launches so far. */
  sessions: number;
}

export const keyString = (key: PackageKey) => `${key.identifier}@${key.version}/scorm${key.scorm}`;

/** The package's key from its manifest: identifier and version attributes of <manifest>, and the SCORM version. */
export function manifestKey(manifest: string): PackageKey | null {
  const scorm = /<schemaversion>\s*1\.2\s*<\/schemaversion>/.test(manifest) ? '1.2' : /<schemaversion>[^<]*2004/.test(manifest) ? '2004' : null;
  if (!scorm) return null;
  const root = /<manifest\b[^>]*>/.exec(manifest)?.[0] ?? '';
  const identifier = /\bidentifier="([^"]*)"/.exec(root)?.[1] ?? '';
  const version = /\bversion="([^"]*)"/.exec(root)?.[1] ?? '';
  return { identifier, version, scorm };
}

/** Seconds in a SCORM 1.2 CMITimespan (`HHHH:MM:SS.SS`) or a 2004 ISO 8601 duration (`PT1H2M3.5S`); 0 when empty or unreadable. */
export function parseDuration(value: unknown): number {
  const text = typeof value === 'string' ? value.trim() : '';
  const clock = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(text);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const iso = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!iso || text === 'P' || text.endsWith('T')) return 0;
  const [, y, mo, d, h, mi, s] = iso.map((n) => Number(n ?? 0));
  return (y! * 365 + mo! * 30 + d!) * 86400 + h! * 3600 + mi! * 60 + s!;
}

/** Seconds as the LMS writes total_time: `HH:MM:SS` (1.2, hours up to 9999) or `PT#H#M#S` (2004). */
export function formatDuration(seconds: number, scorm: ScormVersion): string {
  const centis = Math.round(seconds * 100);
  const h = Math.floor(centis / 360000);
  const m = Math.floor((centis % 360000) / 6000);
  const s = (centis % 6000) / 100;
  if (scorm === '2004') return `PT${h}H${m}M${Number(s.toFixed(2))}S`;
  const whole = Math.floor(s);
  const fraction = centis % 100 ? `.${String(centis % 100).padStart(2, '0')}` : '';
  return `${String(Math.min(h, 9999)).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(whole).padStart(2, '0')}${fraction}`;
}

const core = (data: CmiJson, scorm: ScormVersion) => (scorm === '1.2' ? (data.cmi.core ??= {}) : data.cmi);

/** A new learner's first launch: the data an LMS sets up for an attempt. */
function firstLaunch(scorm: ScormVersion, mastery: number | null): CmiJson {
  return scorm === '1.2'
    ? {
        cmi: {
          core: { student_id: 'preview-1', student_name: 'Meikäläinen, Maija', entry: 'ab-initio', lesson_mode: 'normal', credit: 'credit' },
          student_data: mastery !== null ? { mastery_score: String(mastery) } : {},
        },
      }
    : { cmi: { learner_id: 'preview-1', learner_name: 'Maija Meikäläinen', entry: 'ab-initio', mode: 'normal', credit: 'credit' } };
}

/**
 * Starts a session: closes the previous one (its last session_time joins the total, once) and
 * returns the data to load into the LMS API, and the attempt to store.
 */
export function launch(stored: StoredAttempt | null, key: PackageKey, mastery: number | null): { cmi: CmiJson; stored: StoredAttempt } {
  if (!stored?.data) {
    const attempt: StoredAttempt = { package: key, data: null, totalSeconds: stored?.totalSeconds ?? 0, sessions: (stored?.sessions ?? 0) + 1 };
    return { cmi: firstLaunch(key.scorm, mastery), stored: attempt };
  }
  const saved: CmiJson = structuredClone(stored.data);
  const last = core(saved, key.scorm);
  const totalSeconds = stored.totalSeconds + parseDuration(last.session_time);
  // Counted now: the session time must not count again at the next launch.
  if (key.scorm === '1.2') last.session_time = '00:00:00';
  else delete last.session_time;
  const attempt: StoredAttempt = { package: key, data: structuredClone(saved), totalSeconds, sessions: stored.sessions + 1 };
  // A new launch of a suspended attempt: the LMS offers resume.
  last.entry = last.exit === 'suspend' ? 'resume' : '';
  last.exit = '';
  last.total_time = formatDuration(totalSeconds, key.scorm);
  return { cmi: saved, stored: attempt };
}

/** The data file holds one attempt per package key; anything else in it is left alone. */
export type DataFile = Record<string, StoredAttempt>;

/** Reads the data file's text; unreadable or of another shape: an empty file and the reason. */
export function readDataFile(text: string | null): { file: DataFile; problem: string | null } {
  if (text === null || text.trim() === '') return { file: {}, problem: null };
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => v && typeof v === 'object' && 'package' in v)) {
      return { file: parsed as DataFile, problem: null };
    }
    return { file: {}, problem: 'it is not a preview data file of this version (one attempt per package)' };
  } catch (error) {
    return { file: {}, problem: `it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}
