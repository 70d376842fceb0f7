/** Walking a course through the store as the player does, for the LMS tests. */
import type { CompiledCourse } from '../../src/content/schema';
import type { Response } from '../../src/course/scoring';
import type { ProgressStore } from '../../src/storage/progress';

export function rightAnswer(course: CompiledCourse, id: string): Response {
  const q = course.questions[id]!;
  switch (q.type) {
    case 'single':
      return { type: 'single', option: q.options.find((o) => o.correct)!.id };
    case 'multiple':
      return { type: 'multiple', options: q.options.filter((o) => o.correct).map((o) => o.id) };
    case 'truefalse':
      return { type: 'truefalse', value: q.answer };
    case 'ordering':
      return { type: 'ordering', order: q.items.map((i) => i.id) };
    case 'matching':
      return { type: 'matching', matches: Object.fromEntries(q.pairs.map((p) => [p.id, p.right])) };
    case 'reflection':
      return { type: 'reflection', text: '{Pohdin} työtäni:\nääkköset, "lainausmerkit" ja rivinvaihdot säilyvät. ' + 'x'.repeat(300) };
    case 'rewrite':
      return { type: 'rewrite', text: `${q.model}\nÄäkköset säilyvät. ${'y'.repeat(300)}` };
  }
}

/** Reads pages, answers the first knowledge check, and takes tries (percent each) of the final test. */
export async function takeCourse(store: ProgressStore, course: CompiledCourse, { pages = Infinity, tries = [] as number[] } = {}) {
  const steps = course.modules.flatMap((m) => m.pages.map((p) => ({ moduleId: m.id, pageId: p.id })));
  const attempt = await store.startAttempt(course.id, course.version);
  for (const { moduleId, pageId } of steps.slice(0, pages)) await store.recordVisit(attempt.id, pageId, `${moduleId}/${pageId}`);
  const quiz = course.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks)).find((b) => b.type === 'quiz');
  for (const qid of quiz?.type === 'quiz' ? quiz.questions : []) {
    await store.recordAnswer({ attemptId: attempt.id, questionId: qid, context: 'check', response: rightAnswer(course, qid), correct: true });
  }
  for (const percent of tries) {
    const open = await store.openTry(attempt.id, () => course.finalTest!.pool.slice(0, course.finalTest!.draw));
    for (const id of open!.questionIds) {
      await store.recordAnswer({ attemptId: attempt.id, questionId: id, context: `test:${open!.no}`, response: rightAnswer(course, id), correct: percent >= course.passMark });
    }
    const passed = percent >= course.passMark;
    await store.finishTry(attempt.id, { no: open!.no, questionIds: open!.questionIds, percent, passed, finishedAt: Date.now() });
    if (passed && pages >= steps.length) await store.completeAttempt(attempt.id, { contentId: course.id, contentVersion: course.version, title: course.title, percent });
  }
  return attempt;
}
