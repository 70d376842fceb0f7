/**
 * The link between a packaged course and its LMS. On launch the LMS's data is restored into local
 * storage (the LMS is the source of truth; IndexedDB is a cache that never overrides newer LMS data);
 * afterwards every change is reported, committed in throttled batches, when the page is hidden, and
 * finished on pagehide. Refused calls are retried with backoff; progress stays safe locally meanwhile.
 */
import type { ProgressStore } from '../storage/progress';
import type { LmsContent, LmsReport } from './adapters';
import type { CmiValues } from './cmi';
import { displayName, iso8601Duration, scorm12Timespan, type ScormVersion } from './formats';
import { ScormConnection, type LmsCallLog } from './scorm-api';

export type LmsSaveState = 'saved' | 'saving' | 'failing';

const COMMIT_DELAY_MS = 3_000;
const MAX_BACKOFF_MS = 60_000;

export class LmsLink {
  private sent = new Map<string, string>();
  private dirty = new Map<string, string>();
  private reported = new Set<string>();
  private interactionCount = 0;
  private commitTimer: number | undefined;
  private backoff = 1_000;
  private finished = false;
  private readonly sessionStart = Date.now();
  private listeners = new Set<(state: LmsSaveState) => void>();
  private state: LmsSaveState = 'saved';

  private constructor(
    private readonly scorm: ScormConnection,
    private readonly commitDelayMs: number,
  ) {}

  /**
   * Connects to the LMS of the given version; null when there is none (standalone mode).
   * @param commitDelayMs how long changes gather before a commit (status changes commit at once)
   */
  static connect(version: ScormVersion, log?: LmsCallLog, start?: Window, commitDelayMs = COMMIT_DELAY_MS): LmsLink | null {
    const scorm = ScormConnection.connect(version, log, start);
    return scorm && new LmsLink(scorm, commitDelayMs);
  }

  get version(): ScormVersion {
    return this.scorm.version;
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
    if (state === this.state) return;
    this.state = state;
    for (const l of this.listeners) l(state);
  }

  /** Brings the LMS's record of the attempt into local storage, and marks a first launch incomplete. */
  async restore(store: ProgressStore, content: LmsContent): Promise<void> {
    await content.restore(store, this.scorm.get('cmi.suspend_data'));
    this.interactionCount = Number(this.scorm.get('cmi.interactions._count')) || 0;
    const status = this.scorm.get(this.el('cmi.core.lesson_status', 'cmi.completion_status'));
    if (status === 'not attempted' || status === 'unknown' || status === '') {
      // Before anything else: an untouched course must not count as completed.
      this.queue([[this.el('cmi.core.lesson_status', 'cmi.completion_status'), 'incomplete']]);
      this.flush(true);
    }
  }

  /** Reports every change of the content's progress from now on. */
  follow(store: ProgressStore, content: LmsContent): () => void {
    const subscription = content.observe(store, this.version, this.sessionStart, (report) => this.report(report));
    const onHidden = () => {
      if (document.visibilityState === 'hidden') this.flush(true);
    };
    const onPageHide = () => this.finish();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
    };
  }

  private report({ values: progress, interactions }: LmsReport) {
    if (this.finished) return;
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
    values.push(...progress);
    const important = this.queue(values);
    if (important) this.flush(true);
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

  /** Sends queued values and commits; on refusal keeps them and retries with backoff. */
  private flush(force = false, retry = false): boolean {
    if (this.commitTimer !== undefined && force) {
      window.clearTimeout(this.commitTimer);
      this.commitTimer = undefined;
    }
    if (this.dirty.size === 0 && !force) return true;
    this.setState('saving');
    let ok = true;
    for (const [element, value] of [...this.dirty]) {
      if (this.scorm.set(element, value)) {
        this.sent.set(element, value);
        this.dirty.delete(element);
      } else {
        ok = false;
      }
    }
    if (ok) ok = this.scorm.commit();
    if (ok) {
      this.backoff = 1_000;
      this.setState('saved');
    } else {
      this.setState('failing');
      // Only a failed retry lengthens the wait, so a burst of changes does not push it out.
      if (retry) this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
      if (!this.finished && this.commitTimer === undefined) {
        this.commitTimer = window.setTimeout(() => {
          this.commitTimer = undefined;
          this.flush(true, true);
        }, this.backoff);
      }
    }
    return ok;
  }

  /** Ends the session: session time, a last commit, then Terminate/LMSFinish. */
  finish(): void {
    if (this.finished) return;
    const elapsed = Date.now() - this.sessionStart;
    this.queue([[this.el('cmi.core.session_time', 'cmi.session_time'), this.version === '1.2' ? scorm12Timespan(elapsed) : iso8601Duration(elapsed)]]);
    this.flush(true);
    this.finished = true;
    this.scorm.terminate();
  }
}
