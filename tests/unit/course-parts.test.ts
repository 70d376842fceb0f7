import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { courseOutline, coursePart, fillPart, partNames, TEST_PART } from '../../src/content/course-parts';

const content = buildContent(join(import.meta.dirname, '../..'));

describe('a course in parts', () => {
  it('puts every shipped course back together exactly, in any order of parts', () => {
    for (const built of content.courses) {
      for (const course of Object.values(built.compiled)) {
        const outline = courseOutline(course);
        expect(outline.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks))).toEqual([]);
        expect(outline.questions).toEqual({});
        for (const name of partNames(course).reverse()) fillPart(outline, name, JSON.parse(JSON.stringify(coursePart(course, name))));
        expect(outline).toEqual(course);
      }
    }
  });

  it("gives a module's part only its own pages and the questions they ask", () => {
    const course = content.courses.find((c) => c.meta.id === 'avoin-hallinto')!.compiled.fi!;
    const [first] = course.modules;
    const part = coursePart(course, first!.id);
    expect(Object.keys(part.pages)).toEqual(first!.pages.map((p) => p.id));
    const asked = first!.pages.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'quiz' ? b.questions : [])));
    expect(Object.keys(part.questions).sort()).toEqual([...new Set(asked)].sort());
    // Every final-test question is in the test part or in the module that asks it.
    const parts = [TEST_PART, ...course.modules.map((m) => m.id)].map((name) => coursePart(course, name));
    for (const id of course.finalTest!.pool) expect(parts.filter((p) => p.questions[id]).length, id).toBe(1);
    // A module's part is much smaller than the whole course.
    expect(JSON.stringify(part).length).toBeLessThan(JSON.stringify(course).length / 2);
  });
});
