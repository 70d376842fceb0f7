/** The one completion rule: status, test state and unread pages for every combination. */
import { describe, expect, it } from 'vitest';
import { courseState, ruleOfEntry, type CourseRule, type TestTry } from '../../src/course/completion';

const rule: CourseRule = { pageIds: ['a', 'b', 'c'], completion: { allPages: true, finalTest: 'passed' }, maxTries: 2 };
const attempt = (percent: number, no = 1): TestTry => ({ no, questionIds: ['q'], percent, passed: percent >= 70, finishedAt: no });
const all = new Set(['a', 'b', 'c']);
const some = new Set(['a']);

describe('courseState: the matrix of pages read × test result', () => {
  const cases: [string, Set<string>, TestTry[], string, string, string[]][] = [
    ['all read, passed', all, [attempt(90)], 'completed', 'passed', []],
    ['all read, failed', all, [attempt(10)], 'in-progress', 'failed', []],
    ['all read, not taken', all, [], 'in-progress', 'not-taken', []],
    ['not all read, passed', some, [attempt(90)], 'in-progress', 'passed', ['b', 'c']],
    ['not all read, failed', some, [attempt(10)], 'in-progress', 'failed', ['b', 'c']],
    ['not all read, not taken', some, [], 'in-progress', 'not-taken', ['b', 'c']],
    ['nothing read, not taken', new Set(), [], 'not-started', 'not-taken', ['a', 'b', 'c']],
  ];
  for (const [name, visited, tries, status, test, missing] of cases) {
    it(name, () => {
      const s = courseState(rule, { visited, tries });
      expect(s.status).toBe(status);
      expect(s.test).toBe(test);
      expect(s.missingPageIds).toEqual(missing);
      expect(s.passedWithUnread).toBe(test === 'passed' && missing.length > 0);
      expect(s.testMissing).toBe(test !== 'passed');
    });
  }

  it('a test try alone (no page read) makes the course in progress, not "not started"', () => {
    expect(courseState(rule, { visited: new Set(), tries: [attempt(10)] }).status).toBe('in-progress');
    expect(courseState(rule, { visited: new Set(), tries: [], openTry: true }).status).toBe('in-progress');
  });

  it('counts tries left and says when none are left', () => {
    expect(courseState(rule, { visited: all, tries: [attempt(10)] }).triesLeft).toBe(1);
    const used = courseState(rule, { visited: all, tries: [attempt(10), attempt(20, 2)] });
    expect(used.test).toBe('failed-final');
    expect(used.triesLeft).toBe(0);
    expect(used.best?.percent).toBe(20);
    expect(courseState({ ...rule, maxTries: 0 }, { visited: all, tries: [attempt(10)] }).triesLeft).toBe(Infinity);
  });

  it('never shows a stored completion worse, even if pages were added since', () => {
    const s = courseState({ ...rule, pageIds: ['a', 'b', 'c', 'd'] }, { visited: all, tries: [attempt(90)], storedCompleted: true });
    expect(s.status).toBe('completed');
    expect(s.missingPageIds).toEqual([]);
    expect(s.unreadPageIds).toEqual(['d']);
  });

  it('follows the other rules a course.yaml may give', () => {
    const attempted: CourseRule = { ...rule, completion: { allPages: false, finalTest: 'attempted' } };
    expect(courseState(attempted, { visited: some, tries: [attempt(10)] }).status).toBe('completed');
    const pagesOnly: CourseRule = { pageIds: ['a'], completion: { allPages: true, finalTest: 'none' }, maxTries: null };
    const s = courseState(pagesOnly, { visited: new Set(['a']), tries: [] });
    expect(s.status).toBe('completed');
    expect(s.test).toBe('none');
  });

  it('reads the same rule from a catalogue entry', () => {
    const r = ruleOfEntry({
      kind: 'course', id: 'x', version: '1.0.0', languages: ['fi'], title: {}, description: {}, minutes: 1,
      pageIds: ['a', 'b'], hasFinalTest: true, completion: { allPages: true, finalTest: 'passed' }, maxTries: 3,
    });
    expect(r).toEqual({ pageIds: ['a', 'b'], completion: { allPages: true, finalTest: 'passed' }, maxTries: 3 });
  });
});
