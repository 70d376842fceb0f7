/** The plain-language checker as a learner uses it: paste a text, read the hints, find them in the text. */
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite } from './browser';
import { expectNoAxeViolations, sidewaysOverflow } from './axe';

const FINNISH = 'Saatuasi päätöksen sinun tulee ilmoittaa tuloissasi tapahtuvista muutoksista viipymättä. Hakemukset käsitellään kahden viikon kuluessa.';
const SWEDISH = 'Ansökan behandlas inom två veckor. Utbetalningen sker i slutet av månaden.';
const PLAIN = 'Kun olet saanut päätöksen, ilmoita meille heti, jos tulosi muuttuvat.';

describe('plain-language checker', () => {
  const browser = browserForSuite();

  it('is found from the catalogue and shows hints in place and as a list, in Finnish', async () => {
    const { page } = browser.current;
    await page.goto(inject('siteUrl'));
    await page.getByRole('link', { name: 'Selkeän kielen tarkistin' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Selkeän kielen tarkistin');
    await page.getByLabel('Tarkistettava teksti').fill(FINNISH);
    await page.getByRole('button', { name: 'Tarkista' }).click();
    const hints = page.locator('.checker-hints > li');
    await expect.poll(() => hints.count()).toBeGreaterThanOrEqual(3);
    const list = await hints.allInnerTexts();
    expect(list.some((h) => /^Lauseenvastike:.*Saatuasi/.test(h))).toBe(true);
    expect(list.some((h) => /^"Tulee"-velvoite:.*tulee ilmoittaa/.test(h))).toBe(true);
    expect(list.some((h) => /^Passiivi piilottaa tekijän:.*käsitellään/.test(h))).toBe(true);
    // Marked in the text with the same numbers as the list, not by colour alone.
    expect(await page.locator('.checker-text mark').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.checker-text sup').allInnerTexts()).toEqual(list.map((_, i) => String(i + 1)));
    // A Finnish text gets no Swedish LIX scale.
    expect(await page.locator('.checker-summary').innerText()).not.toContain('LIX');
    await expect.poll(() => page.locator('#live-region').innerText()).toMatch(/Tarkistettu: \d+ vihjettä\./);
    await expectNoAxeViolations(page, 'checker with hints (fi)');
  });

  it('is linked from the clear-language course, in the same window', async () => {
    const { page } = browser.current;
    await page.goto(`${inject('siteUrl')}#/course/selkea-kieli/kaytannossa/lisaa`);
    await page.getByRole('link', { name: 'selkeän kielen tarkistimessa' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Selkeän kielen tarkistin');
    expect(page.context().pages()).toHaveLength(1);
    await page.goBack();
    await expect.poll(() => page.locator('h1').innerText()).not.toBe('Selkeän kielen tarkistin');
    await page.goForward();
    await page.getByLabel('Tarkistettava teksti').fill(FINNISH);
    await page.getByRole('button', { name: 'Tarkista' }).click();
    await expect.poll(() => page.locator('.checker-hints > li').count()).toBeGreaterThanOrEqual(3);
  });

  it('selects a hint in the text box from its list entry, by keyboard', async () => {
    const { page } = browser.current;
    const firstShow = page.locator('.checker-hints > li').first().getByRole('button', { name: 'Näytä tekstikentässä' });
    await firstShow.focus();
    await page.keyboard.press('Enter');
    const selection = await page.evaluate(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
    expect(selection).toBe('Saatuasi');
  });

  it('guesses Swedish and gives LIX with its Swedish band; plain text gets no hints', async () => {
    const { page } = browser.current;
    await page.getByLabel('Tarkistettava teksti').fill(SWEDISH);
    await page.getByRole('button', { name: 'Tarkista' }).click();
    await expect.poll(() => page.getByLabel('Tekstin kieli').locator('option:checked').innerText()).toBe('Tunnista kieli (nyt: ruotsi)');
    await expect.poll(() => page.locator('.checker-summary').innerText()).toContain('LIX');
    const list = await page.locator('.checker-hints > li').allInnerTexts();
    expect(list.some((h) => /^s-passiivi:.*behandlas/.test(h))).toBe(true);
    expect(list.some((h) => /^Substantiivityyli \(ruotsi\):.*Utbetalningen sker/.test(h))).toBe(true);
    await page.getByLabel('Tarkistettava teksti').fill(PLAIN);
    await page.getByRole('button', { name: 'Tarkista' }).click();
    await expect.poll(() => page.locator('.checker-results').innerText()).toContain('Tarkistin ei löytänyt tekstistä mitään huomautettavaa.');
  });

  it('keeps the text in this browser only when asked', async () => {
    const { page } = browser.current;
    await page.getByLabel('Tarkistettava teksti').fill(FINNISH);
    await page.reload();
    await expect.poll(() => page.getByLabel('Tarkistettava teksti').inputValue()).toBe('');
    await page.getByLabel('Tarkistettava teksti').fill(FINNISH);
    await page.getByLabel('Säilytä teksti tässä selaimessa').check();
    await page.reload();
    await expect.poll(() => page.getByLabel('Tarkistettava teksti').inputValue()).toBe(FINNISH);
    await page.getByLabel('Säilytä teksti tässä selaimessa').uncheck();
    await page.reload();
    await expect.poll(() => page.getByLabel('Tarkistettava teksti').inputValue()).toBe('');
  });

  it('works at 320 px without sideways scrolling, in Swedish and English too', async () => {
    const { page } = browser.current;
    await page.setViewportSize({ width: 320, height: 700 });
    for (const [lang, title, label] of [
      ['sv', 'Klarspråkskontroll', 'Text att kontrollera'],
      ['en', 'Plain-language checker', 'Text to check'],
    ] as const) {
      await page.evaluate((l) => localStorage.setItem('kohtaamo.lang', l), lang);
      await page.reload();
      await expect.poll(() => page.locator('h1').innerText()).toBe(title);
      await page.getByLabel(label).fill(`${FINNISH}\n\n${SWEDISH}`);
      await expect.poll(() => page.locator('.checker-hints > li').count()).toBeGreaterThan(0);
      expect(await sidewaysOverflow(page), `320 px, ${lang}`).toEqual([]);
      await expectNoAxeViolations(page, `checker (${lang}, 320 px)`);
    }
    await page.evaluate(() => localStorage.removeItem('kohtaamo.lang'));
  });
});
