import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { checkContentQuality, keyIsLongest } from '../../src/content/item-quality/index';
import { termPattern } from '../../src/content/item-quality/glossary';
import { gameItems } from '../../src/content/item-quality/items';
import { formatProblem } from '../../src/content/problems';

const repo = resolve(import.meta.dirname, '../..');
const fixture = resolve(import.meta.dirname, '../fixtures/item-quality');
const copyFixture = () => {
  const root = mkdtempSync(resolve(tmpdir(), 'kohtaamo-quality-'));
  cpSync(fixture, root, { recursive: true });
  return root;
};

describe('item-writing checks', () => {
  it('fail each kind of guessable item with file, line and a message that teaches', () => {
    const lines = buildContent(fixture).problems.map(formatProblem);
    const at = (prefix: string) => lines.filter((l) => l.startsWith(prefix));
    expect(at('content/courses/arvaus/fi/questions.yaml:2: item lengths:')[0]).toContain('the keyed option is the longest in 4 of 7 single-choice questions (57 %, limit 35 %');
    expect(at('content/courses/arvaus/fi/questions.yaml:50: question q-kaiku:')[0]).toContain('shares "demokratia", "verkosto" with the prompt');
    expect(at('content/courses/arvaus/fi/questions.yaml:62: question q-kaksi:')[0]).toContain('2 options is guessed right 50 % of the time; give it at least 3');
    expect(at('content/courses/arvaus/fi/questions.yaml:72: question q-kaikki:')[0]).toContain('option 3 says "Kaikki yllä olevat"');
    expect(at('content/courses/arvaus/fi/questions.yaml:84: question q-vuodet:')[0]).toContain('(2017, 2019, 2023) that already run in the correct order');
    expect(at('content/courses/arvaus/fi/questions.yaml:92: question q-pari:')[0]).toContain('both sides of pair 1 (2027)');
    expect(at('content/courses/arvaus/course.yaml:1: finalTest.pool:')[0]).toContain('only 4 of 9 pool questions (fi) pass the item-writing checks; a draw of 4 needs at least 6');
    expect(at('content/games/pituus/fi/scenes.md:6: item lengths:')[0]).toContain('the best option is the longest in 5 of 5 choice scenes (100 %');
    expect(at('content/games/pituus/fi/scenes.md:82: scene k5:')[0]).toContain('"Kaikki yllä olevat"');
    // Nothing else: the good items in the fixture (q-pisin-1…4 on their own) raise no finding.
    expect(lines.filter((l) => !l.includes('terminology'))).toHaveLength(9);
  });

  it('does not judge a share on a handful of items, nor report a pool the compiler already rejects', () => {
    const valid = buildContent(resolve(import.meta.dirname, '../fixtures/valid'));
    expect(valid.problems).toEqual([]);
    const broken = buildContent(resolve(import.meta.dirname, '../fixtures/broken')).problems.map(formatProblem);
    expect(broken.filter((l) => l.includes('bad-refs/course.yaml') && l.includes('finalTest.pool:'))).toEqual([]);
  });

  it('counts "longest" strictly: a keyed option that ties another is not the longest', () => {
    const item = (lengths: number[], keyed: number) => ({ options: lengths.map((n, i) => ({ text: 'x'.repeat(n), keyed: i === keyed })) }) as Parameters<typeof keyIsLongest>[0];
    expect(keyIsLongest(item([30, 20, 10], 0))).toBe(true);
    expect(keyIsLongest(item([30, 30, 10], 0))).toBe(false);
    expect(keyIsLongest(item([10, 20, 30], 0))).toBe(false);
  });

  it('prints findings of a kind that content/config.yaml does not enforce as warnings, and fails on the rest', () => {
    const root = copyFixture();
    const config = resolve(root, 'content/config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('courses: true', 'courses: false'));
    const build = buildContent(root);
    const report = checkContentQuality(root, build.courses, build.games);
    expect(report.warnings.map(formatProblem).every((l) => l.startsWith('content/courses/'))).toBe(true);
    expect(report.warnings.length).toBe(8); // 7 item findings and the glossary finding in osa.md
    expect(build.problems.map(formatProblem).some((l) => l.startsWith('content/courses/'))).toBe(false);
    expect(build.problems.map(formatProblem).filter((l) => l.startsWith('content/games/'))).toHaveLength(2);
  });

  it('checks content/config.yaml itself', () => {
    const root = copyFixture();
    const config = resolve(root, 'content/config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('courses: 0.35', 'courses: 1.5').replace('poolFactor: 1.5', 'poolFactor: 1.5\n  colour: red'));
    const lines = buildContent(root).problems.map(formatProblem);
    expect(lines).toContain('content/config.yaml:3: itemQuality.longestKeyedShare.courses: a share is between 0 and 1');
    expect(lines).toContain('content/config.yaml:8: itemQuality.colour: unknown field');
  });
});

describe('terminology glossary', () => {
  it('reports forbidden variants with the preferred term, in every kind of content', () => {
    const lines = buildContent(fixture).problems.map(formatProblem).filter((l) => l.includes('terminology'));
    expect(lines).toEqual([
      'content/courses/arvaus/fi/osa.md:8: terminology: "Näennäinen osallistuminen" (fi): write "teennäinen osallistuminen" (content/glossary.yaml:2)',
      'content/practices/kortti.yaml:8: terminology: "näennäistä osallistumista" (fi): write "teennäinen osallistuminen" (content/glossary.yaml:2)',
      'content/practices/kortti.yaml:10: terminology: "skendelaktighet" (sv): write "skendeltagande" (content/glossary.yaml:2)',
      // "LL-Center (Selkokeskus)" on line 10 is the preferred form; the bare name on line 11 is not.
      'content/practices/kortti.yaml:11: terminology: "Selkokeskus" (sv): write "LL-Center (Selkokeskus)" (content/glossary.yaml:7)',
      // "action programme for Easy Finnish" is an allowed proper name; the second one is not.
      'content/practices/kortti.yaml:13: terminology: "action programme" (en): write "action plan" (content/glossary.yaml:11)',
    ]);
  });

  it('matches whole words in any case, with * for inflected endings, and nothing inside other words', () => {
    const day = termPattern('lasten oikeuksien päiv*');
    expect('Järjestimme Lasten oikeuksien päivän.'.match(day)?.[0]).toBe('Lasten oikeuksien päivän');
    expect('lapsen oikeuksien ajankohtaispäivä'.match(day)).toBeNull();
    const skend = termPattern('skenbar* deltagande*');
    expect('ett skenbart  deltagande'.match(skend)?.[0]).toBe('skenbart  deltagande');
    expect('skendeltagande'.match(skend)).toBeNull();
    expect("the children’s rights day".match(termPattern("children's rights day*"))?.[0]).toBe('children’s rights day');
    expect('LL-Centers'.match(termPattern('centers'))).toBeNull();
  });
});

describe('shipped content', () => {
  const build = buildContent(repo);
  const report = checkContentQuality(repo, build.courses, build.games);

  it('games and good-practice cards pass every check, not even with a warning', () => {
    const own = [...report.failing, ...report.warnings].map(formatProblem).filter((l) => !l.startsWith('content/courses/'));
    expect(own).toEqual([]);
  });

  it('no game gives its best option away by length, in any language', () => {
    const games = report.shares.filter((s) => s.kind === 'games');
    expect(games.map((s) => `${s.id}/${s.lang}`).sort()).toEqual(['avoimuusdilemmat/en', 'avoimuusdilemmat/fi', 'avoimuusdilemmat/sv', 'palvelutiski/en', 'palvelutiski/fi', 'palvelutiski/sv']);
    for (const s of games) expect(s.share, `${s.id} (${s.lang})`).toBeLessThanOrEqual(s.limit);
  });

  it('keeps the best option a real best: it scores more than every other option of its card', () => {
    for (const game of build.games) {
      for (const set of gameItems(repo, game)) {
        for (const scene of set.scenes) expect(scene.options.filter((o) => o.keyed).length, `${game.meta.id} ${scene.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('the toimintaohjelma game cites the 2017–2019 plan only where it decides something', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const game = build.games.find((g) => g.meta.id === 'toimintaohjelma')!.compiled[lang]!;
      const feedback = Object.values(game.scenes).flatMap((s) => (s.type === 'choices' ? s.options.map((o) => o.feedback) : []));
      expect(feedback.length).toBe(41);
      expect(feedback.filter((f) => f.includes('2017–2019')).length, lang).toBeLessThanOrEqual(3);
    }
  });
});
