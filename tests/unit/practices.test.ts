import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { practiceFileSchema } from '../../src/content/practice-compiler';
import { practiceYaml, slug } from '../../src/practices/export';

describe('good-practice library', () => {
  const content = buildContent(join(import.meta.dirname, '../..'));

  it('ships at least 10 cards in every language, across all five themes', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const cards = content.practices.cards[lang];
      expect(cards.length, lang).toBeGreaterThanOrEqual(10);
      expect(new Set(cards.map((c) => c.theme)).size, lang).toBe(5);
      for (const c of cards) expect(c.what && c.achieved && c.next, c.id).toBeTruthy();
    }
  });

  it('exports a trainer’s own card as a content file the validator accepts', () => {
    const { fileName, text } = practiceYaml({
      id: 'x',
      lang: 'fi',
      theme: 'open-data',
      title: 'Kunnan ostolaskut "avoimeksi": näin',
      what: 'Avasimme ostolaskut.\n\nToinen kappale: #1.',
      achieved: 'Kuntalaiset näkevät hankinnat.',
      next: 'Laajennamme.',
      link: { title: 'Lisää', url: 'https://www.tutkihankintoja.fi' },
      createdAt: 1,
      updatedAt: 1,
    });
    expect(fileName).toBe('kunnan-ostolaskut-avoimeksi-nain.yaml');
    const parsed = practiceFileSchema.parse(parse(text));
    expect(parsed.title.fi).toBe('Kunnan ostolaskut "avoimeksi": näin');
    expect(parsed.what.fi).toBe('Avasimme ostolaskut.\n\nToinen kappale: #1.');
    expect(parsed.more[0]?.url).toBe('https://www.tutkihankintoja.fi');
    expect(slug('Åland & Äänekoski')).toBe('aland-aanekoski');
  });

  it('labels a card that tells a plan, not results', () => {
    const { cards } = buildContent(join(import.meta.dirname, '../..')).practices;
    for (const lang of ['fi', 'sv', 'en'] as const) {
      expect(cards[lang].find((c) => c.id === 'ostolaskudata')?.stage).toBe('plan');
      expect(cards[lang].find((c) => c.id === 'kansalliset-dialogit')?.stage).toBe('result');
    }
  });
});
