/**
 * The learner's journey in real Chromium: catalogue, every page of the course, a failed final
 * test, a passed one, and a certificate that prints on one A4 page.
 */
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser';
import { answer, shippedCourse } from './support';

const course = shippedCourse('avoin-hallinto');
const pages = course.modules.flatMap((m) => m.pages.map((p) => ({ module: m, page: p })));

describe('a learner takes the course from start to certificate', () => {
  const suite = browserForSuite();

  it('finds the course in the catalogue with its facts and status', async () => {
    const { page } = suite.current;
    await page.goto(inject('siteUrl'));
    const card = page.locator('.card', { hasText: course.title });
    await expect.poll(() => card.count()).toBe(1);
    await expect.poll(() => card.textContent()).toContain(course.description);
    expect(await card.textContent()).toContain(`noin ${course.minutes} minuuttia`);
    expect(await card.textContent()).toContain('suomi');
    await expect.poll(() => card.textContent()).toContain('Ei aloitettu'); // once local storage is open
    expect(await page.title()).toBe('Kurssit ja pelit – Kohtaamo');
    await card.getByRole('link', { name: 'Avaa kurssi' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(course.title);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // The course is in the catalogue section: the main menu marks the section, not the page.
    expect(await page.getByRole('link', { name: 'Kurssit ja pelit' }).getAttribute('aria-current')).toBe('true');
  });

  it('reads every page in order with previous/next, seeing where it is', async () => {
    const { page } = suite.current;
    await page.getByRole('link', { name: 'Aloita kurssi' }).click();
    for (const [i, { module, page: p }] of pages.entries()) {
      await expect.poll(async () => (await page.locator('h1').textContent())?.replace(/\u00a0/g, ' ')).toBe(p.title);
      expect(await page.locator('.breadcrumbs').textContent()).toContain(module.title);
      expect(await page.locator('.eyebrow').first().textContent()).toContain(`sivu ${i + 1}/${pages.length}`);
      expect(await page.locator('.course-menu a[aria-current="page"]').textContent()).toContain(p.title);
      await expect.poll(() => page.locator('label[for="course-progress"]').textContent()).toBe(`Luettu ${i + 1}/${pages.length} sivua`);
      // Answer the first knowledge check on the page right, and see feedback that teaches.
      const quiz = p.blocks.find((b) => b.type === 'quiz');
      if (quiz?.type === 'quiz') {
        const question = course.questions[quiz.questions[0]!]!;
        const scope = `#check-${question.id}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;
        await answer(page, scope, question, true);
        await page.locator(scope).getByRole('button', { name: /Tarkista vastaus|Tallenna vastaus/ }).click();
        const verdict = question.type === 'reflection' ? 'Vastauksesi on tallennettu.' : '✓ Oikein!';
        await expect.poll(() => page.locator(scope).locator('.verdict').textContent()).toBe(verdict);
      }
      if (i < pages.length - 1) {
        // The page's pager at the bottom; the next page then starts at its top.
        await page.locator('.pager').getByRole('link', { name: /^Seuraava/ }).click();
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      }
    }
    await page.getByRole('link', { name: /Siirry lopputestiin/ }).click();
  });

  async function takeTest(right: boolean) {
    const { page } = suite.current;
    await page.getByRole('button', { name: right ? 'Aloita uusi yritys' : 'Aloita lopputesti' }).click();
    await expect.poll(() => page.locator('.test-questions > li').count()).toBe(course.finalTest!.draw);
    const ids = await page.locator('.test-questions > li').evaluateAll((lis) => lis.map((li) => li.id.replace(/^test-q-/, '')));
    for (const id of ids) await answer(page, `#test-q-${id}`, course.questions[id]!, right);
    await page.getByRole('button', { name: 'Lähetä vastaukset' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Lopputestin tulos');
    return ids;
  }

  it('fails the final test once and sees each answer explained', async () => {
    const { page } = suite.current;
    const ids = await takeTest(false);
    expect(await page.locator('.result-verdict').textContent()).toBe('✗ Ei vielä hyväksytty');
    expect(await page.locator('.result-summary').textContent()).toContain(`Sait 0 % (0/${ids.length} oikein)`);
    expect(await page.locator('.test-review > li').count()).toBe(ids.length);
    const first = course.questions[ids[0]!]!;
    const explanationText = first.explanation.replace(/<[^>]+>/g, '').trim().slice(0, 40);
    expect(await page.locator('.test-review').textContent()).toContain(explanationText);
    expect(await page.locator('.test-review .verdict').first().textContent()).toBe('✗ Ei aivan oikein.');
    // The failed try leads back to the material.
    expect(await page.getByRole('heading', { name: 'Kertaa nämä sivut' }).count()).toBe(1);
    expect(await page.locator('.review-pages a').count()).toBeGreaterThan(0);
    // Not completed yet: the certificate says what is missing.
    await page.goto(`${inject('siteUrl')}#/course/${course.id}/certificate`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Saat todistuksen, kun olet suorittanut kurssin');
    await page.goto(`${inject('siteUrl')}#/course/${course.id}/test`);
  });

  it('passes on the next try, with a fresh draw, and gets the certificate', async () => {
    const { page } = suite.current;
    await takeTest(true);
    expect(await page.locator('.result-verdict').textContent()).toBe('✓ Hyväksytty');
    expect(await page.locator('.review-pages').count()).toBe(0);
    expect(await page.locator('.result-summary').textContent()).toContain('Sait 100 %');
    await page.getByRole('link', { name: 'Siirry todistukseen' }).click();
    await page.getByLabel('Nimesi todistukseen').fill('Maija Meikäläinen');
    await page.getByRole('button', { name: 'Tallenna nimi' }).click();
    const certificate = page.locator('.certificate');
    await expect.poll(() => certificate.textContent()).toContain('Maija Meikäläinen');
    const text = (await certificate.textContent()) ?? '';
    expect(text).toContain(course.title);
    expect(text).toContain('100 %');
    expect(text).toMatch(new RegExp(new Intl.DateTimeFormat('fi', { day: 'numeric', month: 'numeric', year: 'numeric' }).format(new Date()).replace(/\./g, '\\.')));
  });

  it('prints the certificate on exactly one A4 page without the app around it', async () => {
    const { page } = suite.current;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.course-menu').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.certificate').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pageCount).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the course as completed in the catalogue', async () => {
    const { page } = suite.current;
    await page.goto(inject('siteUrl'));
    const card = page.locator('.card', { hasText: course.title });
    await expect.poll(() => card.locator('.status').textContent()).toContain('Suoritettu');
  });
});
