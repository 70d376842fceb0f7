/**
 * The link between a packaged course and its LMS. On launch the LMS's data is restored into local
 * storage (the LMS is the source of truth; IndexedDB is a cache that never overrides newer LMS data).
 * The first report is committed at once (status, exit "suspend", location, suspend data); later
 * changes in throttled batches, status changes at once. Everything is committed when the page is
 * hidden, because an LMS may not be reachable any more once it is dismissed (Moodle's 2004 runtime
 * refuses a Terminate from pagehide); the session ends on pagehide, or earlier by the learner's own
 * Exit while the page is alive. After Terminate/LMSFinish no call is made at all.
 *
 * Every value passes the Moodle data-model guard before it is sent. A value the LMS still refuses
 * is dropped (logged), never retried as it is, and never stops later commits.
 */
import type { ProgressStore } from '../storage/progress';
import type { LmsContent, LmsReport } from './adapters';
import type { CmiValues } from './cmi';
import { displayName, iso8601Duration, scorm12Timespan, type ScormVersion } from './formats';
import { neverWorse, readHeld, remember, type HeldRecord } from './never-worse';
import { defaultLog, ScormConnection, type LmsCallLog } from './scorm-api';
import { ValueGuard } from './value-guard';

export type LmsSaveState = 'saved' | 'saving' | 'failing' | 'ended';

const COMMIT_DELAY_MS = 3_000;
const MAX_BACKOFF_MS = 60_000;
/** Error codes meaning "this value is wrong", as opposed to "the LMS cannot store now". */
const VALUE_REFUSED = /^(201|351|40[1-8])$/;

export class LmsLink {
  private sent = new Map<string, string>();
  private dirty = new Map<string, string>();
  private reported = new Set<string>();
  private interactionCount = 0;
  private commitTimer: number | undefined;
  private backoff = 1_000;
  private readonly sessionStart = Date.now();
  private listeners = new Set<(state: LmsSaveState) => void>();
  private state: LmsSaveState = 'saved';
  private guard: ValueGuard;
  private held: HeldRecord;
  private firstReport = true;
  /** True when the LMS held resume data that could not be used (the learner is told once). */
  restoreProblem = false;

  private constructor(
    private readonly scorm: ScormConnection,
    private readonly commitDelayMs: number,
    private readonly log: LmsCallLog,
  ) {
    this.interactionCount = Math.max(0, Math.floor(Number(scorm.get('cmi.interactions._count')))) || 0;
    this.guard = new ValueGuard(scorm.version, this.interactionCount);
    this.held = readHeld(scorm.version, (e) => scorm.get(e));
  }

  /**
   * Connects to the LMS of the given version; null when there is none (standalone mode).
   * @param commitDelayMs how long changes gather before a commit (status changes commit at once)
   */
  static connect(version: ScormVersion, log: LmsCallLog = defaultLog, start?: Window, commitDelayMs = COMMIT_DELAY_MS): LmsLink | null {
    const scorm = ScormConnection.connect(version, log, start);
    return scorm && new LmsLink(scorm, commitDelayMs, log);
  }

  get version(): ScormVersion {
    return this.scorm.version;
  }

  /** True once the session has ended (Terminate/LMSFinish was called). */
  get ended(): boolean {
    return this.scorm.terminated;
  }

  private el(v12: string, v2004: string) {
    return this.version === '1.2' ? v12 : v2004;
  }

  learnerName(): string {
    return displayName(this.scorm.get(this.el('cmi.core.student_name', 'cmi.learner_name')));
  }

  learnerLanguage(): string {
    return this.scorm.get(this.el('cmi.student_preference.language', 'cmi.learner_preference.language'));
  }

  onStateChange(listener: (state: LmsSaveState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private setState(state: LmsSaveState) {
    if (state === this.state || this.state === 'ended') return;
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  /** Brings the LMS's record of the attempt into local storage, as far as it is valid. */
  async restore(store: ProgressStore, content: LmsContent): Promise<void> {
    const entry = this.scorm.get(this.el('cmi.core.entry', 'cmi.entry'));
    const { problem } = await content.restore(store, this.scorm.get('cmi.suspend_data'), entry);
    this.restoreProblem = problem;
  }

  /** Reports every change of the content's progress from now on. */
  follow(store: ProgressStore, content: LmsContent): () => void {
    const subscription = content.observe(store, this.version, this.sessionStart, (report) => this.report(report));
    const onHidden = () => {
      if (document.visibilityState !== 'hidden' || this.ended) return;
      this.queue([this.sessionTime()]);
      this.flush(true);
    };
    const onLeave = () => this.finish();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('unload', onLeave);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('unload', onLeave);
    };
  }

  private report({ values: progress, interactions }: LmsReport) {
    if (this.ended) return;
    const values: CmiValues = [];
    // Interactions first, then score, status and suspend data: an LMS sees answers before results.
    for (const interaction of interactions) {
      if (this.reported.has(interaction.key)) continue;
      this.reported.add(interaction.key);
      const entry = interaction.values(this.interactionCount);
      if (entry.length > 0) {
        this.interactionCount++;
        values.push(...entry);
      }
    }
    values.push(...neverWorse(this.version, this.held, progress));
    const important = this.queue(values) || this.firstReport;
    this.firstReport = false;
    // A hidden page may be discarded without another event: what arrives now is sent at once.
    if (important || document.visibilityState === 'hidden') this.flush(true);
    else this.scheduleCommit();
  }

  /** Queues values that differ from what the LMS has; true when a status changed (commit now). */
  private queue(values: CmiValues): boolean {
    let important = false;
    for (const [element, value] of values) {
      if (this.sent.get(element) === value && !this.dirty.has(element)) continue;
      this.dirty.delete(element); // keep insertion order: re-add at the end
      this.dirty.set(element, value);
      if (/status$/.test(element)) important = true;
    }
    return important;
  }

  private scheduleCommit() {
    if (this.commitTimer !== undefined) return;
    this.commitTimer = window.setTimeout(() => {
      this.commitTimer = undefined;
      this.flush();
    }, this.commitDelayMs);
  }

  private clearTimer() {
    if (this.commitTimer === undefined) return;
    window.clearTimeout(this.commitTimer);
    this.commitTimer = undefined;
  }

  /**
   * Sends queued values and commits. A value the data model refuses is dropped; one the LMS could
   * not store now stays queued, and the commit is retried with backoff. Either way the rest is sent.
   */
  private flush(force = false, retry = false): boolean {
    if (this.ended) return false;
    if (force) this.clearTimer();
    if (this.dirty.size === 0 && !force) return true;
    this.setState('saving');
    let pending = false;
    for (const [element, value] of [...this.dirty]) {
      const guarded = this.guard.check(element, value);
      if ('refused' in guarded) {
        this.log({ call: 'SetValue', element, value, ok: false, code: 'not sent', diagnostic: guarded.refused });
        this.sent.set(element, value); // the same value is not tried again; a new one is
        this.dirty.delete(element);
        continue;
      }
      if (guarded.note) this.log({ call: 'SetValue', element, value, ok: true, code: 'adjusted', diagnostic: guarded.note });
      const result = this.scorm.set(element, guarded.value);
      if (result === true || VALUE_REFUSED.test(result)) {
        if (result === true) remember(this.held, element, guarded.value);
        this.sent.set(element, value);
        this.dirty.delete(element);
      } else {
        pending = true;
      }
    }
    const ok = this.scorm.commit() && !pending;
    if (ok) {
      this.backoff = 1_000;
      this.setState('saved');
    } else {
      this.setState('failing');
      // Only a failed retry lengthens the wait, so a burst of changes does not push it out.
      if (retry) this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
      if (this.commitTimer === undefined) {
        this.commitTimer = window.setTimeout(() => {
          this.commitTimer = undefined;
          this.flush(true, true);
        }, this.backoff);
      }
    }
    return ok;
  }

  private sessionTime(): [string, string] {
    const elapsed = Date.now() - this.sessionStart;
    return [this.el('cmi.core.session_time', 'cmi.session_time'), this.version === '1.2' ? scorm12Timespan(elapsed) : iso8601Duration(elapsed)];
  }

  /**
   * Ends the session: session time, a last commit, then Terminate/LMSFinish, and nothing after.
   * Called on pagehide, and by the learner's own Exit (while the page is alive, so the LMS gets it).
   */
  finish(): void {
    if (this.ended) return;
    this.clearTimer();
    this.queue([this.sessionTime()]);
    this.flush(true);
    this.clearTimer(); // a failed last commit is not retried after the end
    this.scorm.terminate();
    this.setState('ended');
  }
}
