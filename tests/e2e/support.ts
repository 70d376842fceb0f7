/** Helpers for browser journeys: the compiled course as answer key, and ways to answer questions. */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import type { CompiledCourse, Question } from '../../src/content/schema';

export function shippedCourse(id: string, lang: 'fi' | 'sv' | 'en' = 'fi'): CompiledCourse {
  const build = buildContent(join(import.meta.dirname, '../..'), [id]);
  const course = build.courses[0]?.compiled[lang];
  if (!course) throw new Error(`course ${id} (${lang}) not found: ${JSON.stringify(build.problems)}`);
  return course;
}

/**
 * Answers the question inside `scope` (a CSS selector) right or wrong, by keyboard where the
 * question type is about keyboard operation (ordering), else by the ordinary controls.
 */
export async function answer(page: Page | Frame, scope: string, question: Question, right: boolean): Promise<void> {
  const box = page.locator(scope);
  switch (question.type) {
    case 'single': {
      const option = question.options.find((o) => o.correct === right)!;
      await box.locator(`input[id$="-${option.id}"]`).check();
      return;
    }
    case 'multiple': {
      const chosen = right ? question.options.filter((o) => o.correct) : [question.options.find((o) => !o.correct) ?? question.options[0]!];
      for (const o of chosen) await box.locator(`input[id$="-${o.id}"]`).check();
      return;
    }
    case 'truefalse':
      await box.locator(`input[id$="-${right ? question.answer : !question.answer}"]`).check();
      return;
    case 'ordering': {
      if (!right) {
        // The start order is never the correct one; moving an item down and back up again leaves it
        // so, and makes it the learner's answer (an untouched order is not an answer).
        const first = (await box.locator('.ordering li button[data-focus$="-down"]').first().getAttribute('data-focus'))!.replace(/-down$/, '');
        await box.locator(`button[data-focus="${first}-down"]`).press('Enter');
        await expect.poll(() => box.locator(`button[data-focus="${first}-up"]`).count()).toBe(1);
        await box.locator(`button[data-focus="${first}-up"]`).press('Enter');
        return;
      }
      const readOrder = () =>
        box.locator('.ordering li').evaluateAll((lis) =>
          lis.map((li) => li.querySelector('button')?.getAttribute('data-focus')?.replace(/-(up|down)$/, '') ?? ''),
        );
      for (let target = 0; target < question.items.length; target++) {
        const id = question.items[target]!.id;
        for (let order = await readOrder(); order.indexOf(id) > target; ) {
          const before = order.indexOf(id);
          await box.locator(`button[data-focus="${id}-up"]`).press('Enter');
          // Wait until the move shows before deciding on the next one.
          await expect.poll(async () => (order = await readOrder()).indexOf(id)).toBe(before - 1);
        }
      }
      return;
    }
    case 'matching':
      for (const pair of question.pairs) {
        const value = right ? pair.right : (pair.right + 1) % question.rights.length;
        await box.locator(`select[id$="-${pair.id}"]`).selectOption(String(value));
      }
      return;
    case 'reflection':
      await box.locator('textarea').fill('Käsittelen tietopyynnöt jatkossa heti samana päivänä.');
      return;
  }
}
