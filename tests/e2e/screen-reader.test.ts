/**
 * Screen-reader walkthroughs with @guidepup/virtual-screen-reader, run inside the real Chromium page
 * (bundled for the browser with esbuild, injected like axe): what a screen reader says, in order,
 * on a course page, a knowledge check answered wrong and then right, the final test's result, a game
 * scene and its feedback, and My learning, in fi, sv, en.
 */
import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, removeProfile, type Browser } from './browser';
import { answer, shippedCourse } from './support';
import { buildContent } from '../../src/content/build-content';
import { join } from 'node:path';
import type { CompiledGame } from '../../src/content/game-schema';

const games = buildContent(join(import.meta.dirname, '../..'), ['palvelutiski']).games[0]!.compiled;

const entry = createRequire(import.meta.url).resolve('@guidepup/virtual-screen-reader').replace(/cjs[\\/]index\.js$/, 'esm/index.browser.js');
const bundle = buildSync({ entryPoints: [entry], bundle: true, format: 'iife', globalName: '__vsr', platform: 'browser', write: false }).outputFiles[0]!.text;

/** Everything the screen reader says from the start of `selector` to its end, moving with "next". */
async function walk(page: Page, selector: string, steps = 400): Promise<string[]> {
  if (!(await page.evaluate(() => '__vsr' in window))) await page.addScriptTag({ content: bundle });
  return page.evaluate(
    async ({ selector, steps }) => {
      const v = (window as unknown as { __vsr: { virtual: { start: (o: object) => Promise<void>; next: () => Promise<void>; lastSpokenPhrase: () => Promise<string>; spokenPhraseLog: () => Promise<string[]>; stop: () => Promise<void> } } }).__vsr.virtual;
      await v.start({ container: document.querySelector(selector)! });
      const first = await v.lastSpokenPhrase();
      for (let i = 0; i < steps && (await v.lastSpokenPhrase()) !== `end of ${first}`; i++) await v.next();
      const log = await v.spokenPhraseLog();
      await v.stop();
      return log;
    },
    { selector, steps },
  );
}

const WORDS = {
  fi: { start: 'Aloita lopputesti', submit: 'Lähetä vastaukset', result: 'Lopputestin tulos', passed: 'Hyväksytty', feedback: 'Mitä valinnastasi seurasi', chose: 'Valitsit', continue: 'Jatka', check: 'Tarkista vastaus', wrong: 'Ei aivan oikein.', right: 'Oikein!', retry: 'Yritä uudelleen', show: 'Näytä oikea vastaus', chosen: 'valintasi, oikein', hint: 'Vihje', pager: 'Sivujen välillä liikkuminen', my: 'Oma oppiminen', reflections: 'Pohdintasi' },
  sv: { start: 'Börja slutprovet', submit: 'Skicka svaren', result: 'Resultat i slutprovet', passed: 'Godkänd', feedback: 'Vad ditt val ledde till', chose: 'Du valde', continue: 'Fortsätt', check: 'Kontrollera svaret', wrong: 'Inte helt rätt.', right: 'Rätt!', retry: 'Försök igen', show: 'Visa rätt svar', chosen: 'ditt val, rätt', hint: 'Tips', pager: null, my: 'Mitt lärande', reflections: 'Dina reflektioner' },
  en: { start: 'Start the final test', submit: 'Submit answers', result: 'Final test result', passed: 'Passed', feedback: 'What your choice led to', chose: 'You chose', continue: 'Continue', check: 'Check answer', wrong: 'Not quite right.', right: 'Correct!', retry: 'Try again', show: 'Show the correct answer', chosen: 'your choice, correct', hint: 'Hint', pager: null, my: 'My learning', reflections: 'Your reflections' },
} as const;

for (const lang of ['fi', 'sv', 'en'] as const) {
  describe(`screen reader walkthrough in ${lang}`, () => {
    const course = shippedCourse('avoin-hallinto', lang);
    const found = (() => {
      for (const m of course.modules) for (const p of m.pages) for (const b of p.blocks) if (b.type === 'quiz') for (const id of b.questions) if (course.questions[id]!.type === 'single') return { m, p, q: course.questions[id]! };
      throw new Error('no single-choice check');
    })();
    let browser: Browser;
    beforeAll(async () => {
      browser = await launch();
      await browser.page.goto(inject('siteUrl'));
      await browser.page.locator(`.language-switch button[lang="${lang}"]`).click();
      await browser.page.waitForFunction((l) => document.documentElement.lang === l, lang);
    });
    afterAll(async () => {
      await browser.close();
      removeProfile(browser.profile);
    });

    it('reads a course page: landmarks, where am I, the heading, the check and the pager', async () => {
      const { page } = browser;
      const { m, p, q } = found;
      await page.goto(`${inject('siteUrl')}#/course/${course.id}/${m.id}/${p.id}`);
      await expect.poll(() => page.locator('.page h1').count()).toBe(1);
      const said = await walk(page, 'main');
      const text = said.join('\n');
      expect(said[0]).toMatch(/^main/);
      expect(text).toContain(`heading, ${p.title.replace(/ -/g, '\u00a0-')}, level 1`);
      expect(text).toMatch(/navigation, (Olet tässä|Du är här|You are here)/);
      expect(text).toMatch(/progressbar/); // the course menu's progress
      expect(text).toContain(`button, ${WORDS[lang].check}`);
      // Every option is a named radio, not yet checked.
      if (q.type === 'single') for (const o of q.options) expect(text).toContain(`radio, ${o.html.replace(/<[^>]+>/g, '')}, not checked`);
      expect(text).toMatch(/link, .*(Seuraava|Nästa|Next)/);
      // No control without a name.
      expect(said.filter((s) => /^(button|link|radio|checkbox|combobox|textbox)$/.test(s))).toEqual([]);
    });

    it('announces a wrong answer with a hint, then the right one', async () => {
      const { page } = browser;
      const { q } = found;
      const scope = `#check-${q.id}-prompt >> xpath=ancestor::section[contains(@class,"check")]`;
      await answer(page, scope, q, false);
      await page.locator(scope).getByRole('button', { name: WORDS[lang].check }).click();
      await expect.poll(() => page.locator('#live-region').textContent()).toContain(WORDS[lang].wrong);
      const afterWrong = (await walk(page, `section.check:has(#check-${q.id}-prompt)`)).join('\n');
      expect(afterWrong).toContain(WORDS[lang].wrong);
      expect(afterWrong).toContain(WORDS[lang].hint);
      expect(afterWrong).toContain(`button, ${WORDS[lang].retry}`);
      expect(afterWrong).toContain(`button, ${WORDS[lang].show}`);
      await page.locator(scope).getByRole('button', { name: WORDS[lang].retry }).click();
      await answer(page, scope, q, true);
      await page.locator(scope).getByRole('button', { name: WORDS[lang].check }).click();
      await expect.poll(() => page.locator('#live-region').textContent()).toContain(WORDS[lang].right);
      const afterRight = (await walk(page, `section.check:has(#check-${q.id}-prompt)`)).join('\n');
      expect(afterRight).toContain(`✓ ${WORDS[lang].right}`);
      // The chosen option says so in its name. (The virtual screen reader reads the checked state from
      // the attribute, not the property Preact sets, so "checked" itself is left to the manual check.)
      const right = q.type === 'single' ? q.options.find((o) => o.correct)!.html.replace(/<[^>]+>/g, '') : '';
      expect(afterRight).toMatch(new RegExp(`radio, ${right.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s?\\(${WORDS[lang].chosen}\\), .*disabled`));
    });

    it('reads the final test result: the heading, the verdict with the score, and where to go next', async () => {
      const { page } = browser;
      await page.goto(`${inject('siteUrl')}#/course/${course.id}/test`);
      await page.getByRole('button', { name: WORDS[lang].start }).click();
      await expect.poll(() => page.locator('.test-questions > li').count()).toBe(course.finalTest!.draw);
      const ids = await page.locator('.test-questions > li').evaluateAll((lis) => lis.map((li) => li.id.replace(/^test-q-/, '')));
      for (const id of ids) await answer(page, `#test-q-${id}`, course.questions[id]!, true);
      await page.getByRole('button', { name: WORDS[lang].submit }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(WORDS[lang].result);
      const said = await walk(page, 'main', 600);
      const text = said.join('\n');
      expect(text).toContain(`heading, ${WORDS[lang].result}, level 1`);
      expect(text).toContain(WORDS[lang].passed);
      expect(text).toMatch(/100\s?%/);
      // Pages are still unread, so the result names them as links the learner can follow.
      expect(said.filter((s) => s.startsWith('link, ')).length).toBeGreaterThan(0);
      expect(said.filter((s) => /^(button|link)$/.test(s))).toEqual([]);
    });

    it('reads a game scene, its options as named buttons, and the feedback after a choice', async () => {
      const { page } = browser;
      const game = games[lang] as CompiledGame;
      const scene = game.scenes[game.start]!;
      await page.goto(`${inject('siteUrl')}#/game/${game.id}/play`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(scene.title);
      const said = (await walk(page, 'main', 300)).join('\n');
      expect(said).toContain(`heading, ${scene.title}, level 1`);
      if (scene.type !== 'choices') throw new Error('the game starts with a choice');
      for (const option of scene.options) expect(said).toContain(`button, ${option.html.replace(/<[^>]+>/g, '').slice(0, 30)}`);
      await page.locator('.option-button').first().click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(WORDS[lang].feedback);
      const feedback = (await walk(page, 'main', 300)).join('\n');
      expect(feedback).toContain(`heading, ${WORDS[lang].feedback}, level 1`);
      expect(feedback).toContain(WORDS[lang].chose);
      expect(feedback).toContain(scene.options[0]!.feedback.replace(/<[^>]+>/g, '').slice(0, 30));
      expect(feedback).toContain(`button, ${WORDS[lang].continue}`);
    });

    it('reads My learning: its heading, a course card with its status, and the reflections', async () => {
      const { page } = browser;
      await page.goto(`${inject('siteUrl')}#/my`);
      await expect.poll(() => page.locator('.learning-card').count()).toBeGreaterThan(0);
      const text = (await walk(page, 'main', 300)).join('\n');
      expect(text).toContain(`heading, ${WORDS[lang].my}, level 1`);
      expect(text).toContain(`heading, ${course.title}, level 3`);
      expect(text).toContain(`link, ${course.title}`);
      expect(text).toContain(`heading, ${WORDS[lang].reflections}, level 2`);
    });
  });
}
