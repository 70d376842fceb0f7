/**
 * An LMS for unit tests that behaves like Moodle where scorm-again is more lenient: scorm-again
 * holds the data, and every SetValue is first checked with Moodle's data-model rules (refused with
 * 405/406 as Moodle would, and recorded as a mismatch). Every call is logged in order. Optionally
 * Moodle's "mastery score overrides status": at LMSFinish, when the manifest gave a mastery score
 * and score.raw is set, lesson_status becomes passed or failed by the score.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { MoodleDataModel } from '../../src/lms/moodle-datamodel';

export interface MoodleLms {
  api: Scorm12API | Scorm2004API;
  /** Every call the package made, in order: "Initialize", "SetValue cmi.x", "Commit", "Terminate". */
  calls: string[];
  /** SetValues Moodle's rules would refuse: element, value and why. */
  mismatches: string[];
  cmi: () => Record<string, any>;
}

export function moodleLms(version: '1.2' | '2004', cmi: object, options: { masteryScore?: number } = {}): MoodleLms {
  const api = version === '1.2' ? new Scorm12API({ autocommit: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, logLevel: 5 });
  api.loadFromJSON(cmi as never, 'cmi');
  const model = new MoodleDataModel(version, Number((cmi as { interactions?: object }).interactions ? Object.keys((cmi as { interactions: object }).interactions).length : 0));
  const calls: string[] = [];
  const mismatches: string[] = [];
  let refusal = '';
  const target = api as unknown as Record<string, (...args: string[]) => string>;
  const names = version === '1.2' ? { set: 'LMSSetValue', finish: 'LMSFinish', error: 'LMSGetLastError' } : { set: 'SetValue', finish: 'Terminate', error: 'GetLastError' };
  const wrapped: Record<string, (...args: string[]) => string> = {};
  for (const name of version === '1.2'
    ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic']
    : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']) {
    const real = target[name]!.bind(api);
    wrapped[name] = (...args: string[]) => {
      if (name === names.error && refusal) return refusal;
      if (/LastError$|ErrorString$|Diagnostic$/.test(name)) return real(...args);
      refusal = '';
      const short = name.replace(/^LMS/, '').replace('Finish', 'Terminate');
      calls.push(/Value$/.test(name) ? `${short} ${args[0]}` : short);
      if (name === names.set) {
        const wrong = model.check(args[0]!, args[1]!);
        if (wrong) {
          mismatches.push(`${args[0]} = ${JSON.stringify(args[1]).slice(0, 80)}: ${wrong}`);
          refusal = version === '1.2' ? '405' : '406';
          return 'false';
        }
      }
      if (name === names.finish && version === '1.2' && options.masteryScore !== undefined) {
        const raw = api.lmsGetValue('cmi.core.score.raw');
        if (raw !== '') api.setCMIValue('cmi.core.lesson_status', Number(raw) >= options.masteryScore ? 'passed' : 'failed');
      }
      return real(...args);
    };
  }
  (window as unknown as Record<string, unknown>)[version === '1.2' ? 'API' : 'API_1484_11'] = wrapped;
  return { api, calls, mismatches, cmi: () => (api.renderCMIToJSONObject() as { cmi: Record<string, any> }).cmi };
}

/** A first launch, as Moodle's runtime starts it. */
export function freshCmi(version: '1.2' | '2004', extra: Record<string, unknown> = {}): object {
  return version === '1.2'
    ? { core: { student_id: 'm1', student_name: 'Meikäläinen, Maija', entry: 'ab-initio', lesson_mode: 'normal', credit: 'credit', ...extra }, student_preference: { language: 'fi' } }
    : { learner_id: 'm1', learner_name: 'Maija Meikäläinen', entry: 'ab-initio', mode: 'normal', credit: 'credit', learner_preference: { language: 'fi' }, ...extra };
}
