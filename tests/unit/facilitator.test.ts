import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { formatProblem } from '../../src/content/problems';
import { coverage } from '../../src/content/coverage';
import { PRINT_MATERIALS, href, parseHash } from '../../src/app/router';

const root = resolve(import.meta.dirname, '../..');
let build: ReturnType<typeof buildContent>;
beforeAll(() => {
  build = buildContent(root);
}, 120_000);

describe('facilitator material', () => {
  it('rejects an unknown scene, a timing plan that does not add up and a missing language, naming file and line', () => {
    const lines = buildContent(resolve(import.meta.dirname, '../fixtures/facilitator')).problems.map(formatProblem).sort();
    expect(lines).toEqual([
      'content/games/mini/fi/facilitator.yaml:13: scenes.tuntematon-kohtaus: unknown scene "tuntematon-kohtaus" (not in mini/fi/scenes.md)',
      'content/games/mini/fi/facilitator.yaml:7: timing: the steps add up to 4 minutes, but the game lasts 5 (game.yaml minutes)',
      'content/games/mini/fi/facilitator.yaml:8: timing[2].scenes: unknown scene "olematon"',
      'content/games/mini/sv/facilitator.yaml:1: (facilitator): missing: the game is in "sv" and has facilitator material in fi',
    ]);
  });

  it('ships a guide for every shipped game in every language it is played in, with a timing plan that fits the game', () => {
    expect(build.problems.map(formatProblem)).toEqual([]);
    for (const game of build.games) {
      const material = build.facilitator.find((f) => f.gameId === game.meta.id);
      expect(material, `facilitator material for ${game.meta.id}`).toBeDefined();
      for (const lang of game.languages) {
        const guide = material!.guides[lang]!;
        expect(guide, `${game.meta.id} ${lang}`).toBeDefined();
        expect(guide.timing.reduce((sum, s) => sum + s.minutes, 0)).toBe(game.meta.minutes);
        const choices = Object.values(game.compiled[lang]!.scenes).filter((s) => s.type === 'choices');
        for (const scene of choices) expect(guide.scenes[scene.id]?.say, `${game.meta.id} ${lang} note for ${scene.id}`).toBeTruthy();
      }
    }
    const rows = coverage(build).filter((r) => r.kind === 'facilitator');
    expect(rows.map((r) => r.id).sort()).toEqual(build.games.map((g) => g.meta.id).sort());
    for (const row of rows) expect(row.translated, row.id).toEqual({ fi: row.total, sv: row.total, en: row.total });
  });

  it('keeps facilitator text out of the game content that players and the audience view load', () => {
    for (const material of build.facilitator) {
      const game = build.games.find((g) => g.meta.id === material.gameId)!;
      for (const [lang, guide] of Object.entries(material.guides)) {
        const played = JSON.stringify(game.compiled[lang as 'fi']);
        for (const note of Object.values(guide!.scenes)) expect(played.includes(note.say)).toBe(false);
      }
    }
  });

  it('routes to the guide and to each kind of printable material', () => {
    expect(parseHash(href({ name: 'game-guide', gameId: 'peli' }))).toEqual({ name: 'game-guide', gameId: 'peli' });
    for (const material of PRINT_MATERIALS) {
      expect(parseHash(href({ name: 'game-print', gameId: 'peli', material }))).toEqual({ name: 'game-print', gameId: 'peli', material });
    }
    expect(parseHash('#/game/peli/print/posters')).toEqual({ name: 'not-found', path: 'game/peli/print/posters' });
  });
});
