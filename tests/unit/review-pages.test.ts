/** A failed final test points at the pages behind the wrong answers. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { pageForQuestion, pagesToReview } from '../../src/course/review-pages';

const build = buildContent(join(import.meta.dirname, '../..'), ['avoin-hallinto', 'selkea-kieli']);
const course = (id: string) => build.courses.find((c) => c.meta.id === id)!.compiled.fi!;

describe('pages to review after a failed final test', () => {
  it('finds the page a final-test question is about', () => {
    const open = course('avoin-hallinto');
    const find = pageForQuestion(open);
    expect(find(open.questions['q-ft-kaksi-viikkoa']!)?.module.id).toBe('arjessa');
    expect(find(open.questions['q-ft-henkilollisyys']!)?.module.id).toBe('arjessa');
    const clear = course('selkea-kieli');
    expect(pageForQuestion(clear)(clear.questions['q-ft-selko-kenelle']!)?.module.id).toBe('selkokieli');
  }, 60_000);

  it('lists each page once, in reading order, and nothing for no wrong answers', () => {
    const open = course('avoin-hallinto');
    const wrong = ['q-ft-kaksi-viikkoa', 'q-ft-henkilollisyys', 'q-ft-hallintolaki'].map((id) => open.questions[id]!);
    const steps = pagesToReview(open, wrong);
    expect(steps.map((s) => s.index)).toEqual([...new Set(steps.map((s) => s.index))].sort((a, b) => a - b));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.length).toBeLessThanOrEqual(wrong.length);
    expect(pagesToReview(open, [])).toEqual([]);
  }, 60_000);
});
