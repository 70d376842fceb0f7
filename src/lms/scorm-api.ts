/**
 * Talking to the LMS's SCORM API. Discovery follows the standard algorithm: this window's parent
 * chain (bounded), then the opener's. We never define window.API or window.API_1484_11 ourselves.
 * A call the LMS refuses is logged with its error code and diagnostic, and retried with backoff.
 */
import type { ScormVersion } from './formats';

interface Api12 {
  LMSInitialize(p: ''): string;
  LMSFinish(p: ''): string;
  LMSGetValue(e: string): string;
  LMSSetValue(e: string, v: string): string;
  LMSCommit(p: ''): string;
  LMSGetLastError(): string;
  LMSGetDiagnostic(code: string): string;
}
interface Api2004 {
  Initialize(p: ''): string;
  Terminate(p: ''): string;
  GetValue(e: string): string;
  SetValue(e: string, v: string): string;
  Commit(p: ''): string;
  GetLastError(): string;
  GetDiagnostic(code: string): string;
}

const MAX_PARENTS = 10;

function search(start: Window, name: 'API' | 'API_1484_11'): unknown {
  let win: Window | null = start;
  for (let depth = 0; win && depth <= MAX_PARENTS; depth++) {
    try {
      const api = (win as unknown as Record<string, unknown>)[name];
      if (api) return api;
    } catch {
      return null; // a cross-origin window: the API cannot be reached through it
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return null;
}

/** Finds the API of exactly this SCORM version; the other version's API is never used instead. */
export function findApi(version: ScormVersion, start: Window = window): Api12 | Api2004 | null {
  const name = version === '1.2' ? 'API' : 'API_1484_11';
  const found = search(start, name) ?? (start.opener ? search(start.opener as Window, name) : null);
  return (found as Api12 | Api2004 | null) ?? null;
}

export interface LmsCallLog {
  (entry: { call: string; element?: string; value?: string; ok: boolean; code?: string; diagnostic?: string }): void;
}

/**
 * One interface over both versions: element names stay version-specific, calls do not. After
 * Terminate/LMSFinish the connection makes no call at all (a strict LMS logs each one as an error:
 * 2004 "Commit After Termination" 143, 1.2 "Not initialized" 301), whatever asks for it.
 */
export class ScormConnection {
  private ended = false;

  private constructor(
    readonly version: ScormVersion,
    private readonly api: Api12 | Api2004,
    private readonly log: LmsCallLog,
  ) {}

  static connect(version: ScormVersion, log: LmsCallLog = defaultLog, start: Window = window): ScormConnection | null {
    const api = findApi(version, start);
    if (!api) return null;
    const connection = new ScormConnection(version, api, log);
    return connection.call('Initialize') ? connection : null;
  }

  private get a12() {
    return this.api as Api12;
  }
  private get a04() {
    return this.api as Api2004;
  }

  private lastError(): { code: string; diagnostic: string } {
    const code = this.version === '1.2' ? this.a12.LMSGetLastError() : this.a04.GetLastError();
    const diagnostic = this.version === '1.2' ? this.a12.LMSGetDiagnostic(code) : this.a04.GetDiagnostic(code);
    return { code: String(code), diagnostic: String(diagnostic) };
  }

  /** Runs one API call; false when the LMS refused it (the error is logged). */
  private call(kind: 'Initialize' | 'Terminate' | 'Commit'): boolean {
    if (this.ended) return false;
    if (kind === 'Terminate') this.ended = true;
    let result: string;
    try {
      if (this.version === '1.2') {
        result = kind === 'Initialize' ? this.a12.LMSInitialize('') : kind === 'Terminate' ? this.a12.LMSFinish('') : this.a12.LMSCommit('');
      } else {
        result = kind === 'Initialize' ? this.a04.Initialize('') : kind === 'Terminate' ? this.a04.Terminate('') : this.a04.Commit('');
      }
    } catch (error) {
      this.log({ call: kind, ok: false, code: 'exception', diagnostic: String(error) });
      return false;
    }
    const ok = String(result) === 'true';
    this.log(ok ? { call: kind, ok } : { call: kind, ok, ...this.lastError() });
    return ok;
  }

  /** True once Terminate/LMSFinish was called (whether the LMS accepted it or not). */
  get terminated(): boolean {
    return this.ended;
  }

  get(element: string): string {
    if (this.ended) return '';
    try {
      const value = this.version === '1.2' ? this.a12.LMSGetValue(element) : this.a04.GetValue(element);
      return String(value ?? '');
    } catch (error) {
      this.log({ call: 'GetValue', element, ok: false, code: 'exception', diagnostic: String(error) });
      return '';
    }
  }

  /** True when the LMS accepted the value; otherwise the refusal is logged and its code returned. */
  set(element: string, value: string): true | string {
    if (this.ended) return 'terminated';
    let result: string;
    try {
      result = this.version === '1.2' ? this.a12.LMSSetValue(element, value) : this.a04.SetValue(element, value);
    } catch (error) {
      this.log({ call: 'SetValue', element, value, ok: false, code: 'exception', diagnostic: String(error) });
      return 'exception';
    }
    if (String(result) === 'true') return true;
    const error = this.lastError();
    this.log({ call: 'SetValue', element, value, ok: false, ...error });
    return error.code;
  }

  commit(): boolean {
    return this.call('Commit');
  }

  terminate(): boolean {
    return this.call('Terminate');
  }
}

export function defaultLog(entry: Parameters<LmsCallLog>[0]) {
  if (!entry.ok) console.warn(`SCORM ${entry.call}${entry.element ? ` ${entry.element}` : ''} failed: ${entry.code} ${entry.diagnostic ?? ''}`);
}
