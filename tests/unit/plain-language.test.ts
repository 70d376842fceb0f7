import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/plain-language/check';
import { guessLanguage } from '../../src/plain-language/guess-language';
import { lixBand } from '../../src/plain-language/lix';
import { RULES } from '../../src/plain-language/rules';
import type { TextLang } from '../../src/plain-language/types';
import { compilePlainLanguage, teachingText } from '../../src/content/plain-language-compiler';
import { ProblemList, formatProblem } from '../../src/content/problems';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(import.meta.dirname, '../fixtures/plain-language');
const profiles = compilePlainLanguage(root, new ProblemList()).profiles!;
const rulesFound = (text: string, lang: TextLang) => new Set(checkText(text, lang, profiles[lang]).hints.map((h) => h.rule));
const hintTexts = (text: string, lang: TextLang, rule: string) => checkText(text, lang, profiles[lang], [rule]).hints.map((h) => h.text);

/** True and false cases per rule: the rule must find the marked text and stay quiet on the rest. */
const CASES: Record<string, { lang: TextLang; flags: [string, string][]; quiet: string[] }> = {
  'long-sentence': {
    lang: 'fi',
    flags: [['Hakemus, jonka lähetit meille viime kuussa ja johon liitit palkkatodistuksen sekä vuokrasopimuksen, käsitellään vasta sitten, kun kaikki muut hakemukset on ensin käsitelty.', 'Hakemus']],
    quiet: ['Kotihoidon maksusi muuttuu ensi vuoden alussa.'],
  },
  'long-word': { lang: 'fi', flags: [['Korjaamme lähiliikuntapaikkojen kentät.', 'lähiliikuntapaikkojen']], quiet: ['Korjaamme liikuntapaikat.', 'Valtiovarainministeriö kertoi asiasta.', 'Avoin demokratia -verkostossa keskustellaan.'] },
  'word-list': { lang: 'fi', flags: [['Mikäli haluat, voit suorittaa maksun verkossa.', 'Mikäli'], ['Voit suorittaa maksun verkossa.', 'suorittaa maksun']], quiet: ['Jos haluat, voit maksaa verkossa.'] },
  abbreviation: { lang: 'fi', flags: [['Hae tukea TE-toimistosta tai KELAsta.', 'TE']], quiet: ['EU-maat päättivät asiasta.', 'Kotimaisten kielten keskus (Kotus) neuvoo.', 'Taloudellisen yhteistyön ja kehityksen järjestö (OECD) julkaisi suositukset.'] },
  'fi-passive': {
    lang: 'fi',
    flags: [['Asiakkaita kehotetaan hakemaan tukea.', 'kehotetaan'], ['Hakemukset käsiteltiin nopeasti.', 'käsiteltiin'], ['Asiasta on päätetty kokouksessa.', 'on päätetty'], ['Muutoksista on ilmoitettava heti.', 'on ilmoitettava']],
    quiet: ['Kaupunki korjaa kentän.', 'Muutimme Kanadaan viime vuonna.', 'Palvelu on tuttu kaikille.', 'Emme ole koskaan nähneet tätä.', 'Lähetä todistus viimeistään 30.4.', 'Voit lainata enintään viisi kirjaa kerrallaan.'],
  },
  'fi-nominal': {
    lang: 'fi',
    flags: [['Hakemuksen käsitteleminen tapahtuu kahden viikon kuluessa.', 'käsitteleminen tapahtuu'], ['Laskun maksun suorittaminen tulee tehdä ajoissa.', 'suorittaminen tulee tehdä']],
    quiet: ['Käsittelemme hakemuksen kahdessa viikossa.', 'Oppiminen on hauskaa.', 'Toimintaohjelma lupaa osallistua ohjelman toteuttamiseen.'],
  },
  'fi-participial': {
    lang: 'fi',
    flags: [['Saatuasi päätöksen ilmoita muutoksista.', 'Saatuasi'], ['Hän ilmoitti muuttaneensa.', 'muuttaneensa'], ['Asiaa käsiteltäessä kuullaan asukkaita.', 'käsiteltäessä'], ['Selvittääksemme asian pyydämme liitteet.', 'Selvittääksemme']],
    quiet: ['Kun olet saanut päätöksen, ilmoita muutoksista.', 'Hän kertoi, että hän oli muuttanut.'],
  },
  'fi-genitive-chain': {
    lang: 'fi',
    flags: [['Luimme hyvinvointialueen kotihoidon asiakasmaksujen muutoksista.', 'hyvinvointialueen kotihoidon asiakasmaksujen']],
    quiet: ['Luimme kaupungin suunnitelman.', 'Selkeän kielen osaaminen on tärkeää.', 'Muutimme kuntaan ennen joulua.'],
  },
  'fi-obligation': {
    lang: 'fi',
    flags: [['Hakijan tulee ilmoittaa muutoksista.', 'tulee ilmoittaa'], ['Sinun tulee toimittaa liitteet.', 'tulee toimittaa']],
    quiet: ['Laki tulee voimaan ensi vuonna.', 'Ilmoita meille muutoksista.', 'Hän tulee aina ajoissa.'],
  },
  'fi-double-negative': {
    lang: 'fi',
    flags: [['Ei ole mahdotonta, että päätös muuttuu.', 'Ei ole mahdotonta'], ['Se ei ole epätavallista.', 'ei ole epätavallista']],
    quiet: ['Päätös voi muuttua.', 'Et voi hakea tukea nyt.'],
  },
  'fi-attribute-chain': {
    lang: 'fi',
    flags: [['Ensi vuonna voimaan tulevan asiakasmaksuja koskevan päätöksen mukaan maksu nousee.', 'tulevan asiakasmaksuja koskevan päätöksen']],
    quiet: ['Päätös koskee kotihoidon maksuja.', 'Maailman paras palvelu on tässä.'],
  },
  'fi-embedded-clause': {
    lang: 'fi',
    flags: [['Asiakkaan, joka ei ole perunut aikaansa ajoissa, on maksettava maksu.', 'joka ei ole perunut aikaansa ajoissa']],
    quiet: ['Saat päätöksen, jonka lähetimme maaliskuussa.', 'Peru aikasi viimeistään edellisenä päivänä.'],
  },
  'sv-s-passive': {
    lang: 'sv',
    flags: [['Ansökan behandlas inom två veckor.', 'behandlas'], ['Beslutet fattades i maj.', 'fattades'], ['Pengarna har betalats ut.', 'betalats']],
    quiet: ['Vi behandlar din ansökan inom två veckor.', 'Det finns flera sätt att ansöka.', 'Vi hoppas att du lyckas.', 'Sveriges kommuner samarbetar.', 'Landets regering beslutade.', 'Anvisningarna finns på vår webbplats.', 'Det finns en parkeringsplats vid porten.'],
  },
  'sv-nominal': { lang: 'sv', flags: [['Utbetalningen sker i maj.', 'Utbetalningen sker'], ['Vi gör en bedömning av ärendet.', 'gör en bedömning']], quiet: ['Vi betalar ut pengarna i maj.', 'Vi bedömer ärendet.'] },
  'sv-noun-phrase': {
    lang: 'sv',
    flags: [['Kostnaderna för genomförandet av utredningen om ändringen av reglerna är höga.', 'Kostnaderna för genomförandet av utredningen om ändringen']],
    quiet: ['Vi ändrar reglerna för bidrag i år.'],
  },
  'en-passive': {
    lang: 'en',
    flags: [['Applications are processed within two weeks.', 'are processed'], ['A decision was made in May.', 'was made'], ['The form must be returned by post.', 'be returned']],
    quiet: ['We process applications within two weeks.', 'The decision was made by the board.', 'She is interested in the project.'],
  },
  'en-nominalisation': {
    lang: 'en',
    flags: [['We will make a decision in May.', 'make a decision'], ['They carried out an assessment of the needs.', 'carried out an assessment']],
    quiet: ['We will decide in May.', 'The decision is final.'],
  },
};

describe('plain-language checker rules', () => {
  it('has true and false cases for every rule', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [rule, cases] of Object.entries(CASES)) {
    it(`${rule}: finds what it should and nothing else`, () => {
      for (const [text, marked] of cases.flags) expect(hintTexts(text, cases.lang, rule).some((h) => h.startsWith(marked)), `${rule} in "${text}"`).toBe(true);
      for (const text of cases.quiet) expect(hintTexts(text, cases.lang, rule), `${rule} should be quiet on "${text}"`).toEqual([]);
    });
  }
});

interface Labelled {
  lang: TextLang;
  rules: string[];
  before: string;
  after: string;
}

describe('the course\'s own before/after examples as a labelled set', () => {
  const set = parse(readFileSync(resolve(fixtures, 'labelled.yaml'), 'utf8')) as Labelled[];

  it('finds in each "before" text the constructions the course names, and none of them in its "after" text', () => {
    const stats = new Map<string, { tp: number; fn: number; fp: number }>();
    const missed: string[] = [];
    const falseAlarms: string[] = [];
    for (const example of set) {
      const before = rulesFound(example.before, example.lang);
      const after = rulesFound(example.after, example.lang);
      for (const rule of example.rules) {
        const s = stats.get(rule) ?? { tp: 0, fn: 0, fp: 0 };
        if (before.has(rule)) s.tp++;
        else {
          s.fn++;
          missed.push(`${rule}: ${example.before}`);
        }
        if (after.has(rule)) {
          s.fp++;
          falseAlarms.push(`${rule}: ${example.after}`);
        }
        stats.set(rule, s);
      }
    }
    const rows = [...stats].sort(([a], [b]) => a.localeCompare(b)).map(([rule, s]) => {
      const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
      const recall = s.tp / (s.tp + s.fn);
      return `${rule.padEnd(20)} precision ${precision.toFixed(2)}  recall ${recall.toFixed(2)}  (${s.tp} found, ${s.fn} missed, ${s.fp} false alarms)`;
    });
    console.log(`Plain-language checker on the labelled before/after set (${set.length} pairs):\n${rows.join('\n')}`);
    expect(falseAlarms).toEqual([]);
    expect(missed).toEqual([]);
  });
});

describe('plain-language summary', () => {
  it('gives LIX for Swedish only, and never a Swedish scale for Finnish', () => {
    const sv = checkText('Vi behandlar din ansökan. Du får ett beslut inom två veckor.', 'sv', profiles.sv).summary;
    expect(sv.lix).not.toBeNull();
    expect(sv.lix!).toBeCloseTo(11 / 2 + (100 * 2) / 11, 5); // 11 words, 2 sentences, long: behandlar, ansökan
    expect(lixBand(sv.lix!)).toBe('very-easy');
    expect(checkText('Käsittelemme hakemuksesi. Saat päätöksen kahden viikon kuluessa.', 'fi', profiles.fi).summary.lix).toBeNull();
  });

  it('counts sentences, words and the share of sentences with hints', () => {
    const { summary } = checkText('Hakemukset käsitellään nopeasti. Saat päätöksen postissa. Soita meille.', 'fi', profiles.fi);
    expect(summary).toMatchObject({ sentences: 3, words: 8, longestSentenceWords: 3 });
    expect(summary.flaggedShare).toBeCloseTo(1 / 3, 5);
  });

  it('guesses the language of a text', () => {
    expect(guessLanguage('Kun olet saanut päätöksen, ilmoita meille heti, jos tulosi muuttuvat.')).toBe('fi');
    expect(guessLanguage('Vi behandlar din ansökan och skickar beslutet till dig.')).toBe('sv');
    expect(guessLanguage('We process your application and send you the decision.')).toBe('en');
    expect(guessLanguage('12345')).toBeNull();
  });
});

describe('plain-language content and the course check', () => {
  it('leaves out the examples a page discusses and checks only its teaching text', () => {
    const md = readFileSync(resolve(fixtures, 'course/content/courses/kirjoita/fi/osa.md'), 'utf8');
    const [good] = teachingText(md);
    expect(good!.id).toBe('hyva');
    expect(good!.text).not.toContain('aloittaminen tapahtuu');
    expect(good!.text).not.toContain('on päätetty');
    expect(good!.text).toContain('Alamme käsitellä hakemustasi');
  });

  it('fails a page of a clear-language course that breaks its own rules, naming file and line', () => {
    const problems = new ProblemList();
    const { pages } = compilePlainLanguage(resolve(fixtures, 'course'), problems);
    expect(pages.map((p) => [p.pageId, p.passed])).toEqual([
      ['hyva', true],
      ['huono', false],
    ]);
    expect(problems.items.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/courses\/kirjoita\/fi\/osa\.md:16: page huono: breaks the clear-language rules the course teaches: 100 % of sentences get a checker hint \(limit 30 %\)/),
      'content/plain-language/course-checks.yaml:6: courses.puuttuva: no course with this id',
    ]);
  });

  it('reports broken settings with file, line and field', () => {
    const problems = new ProblemList();
    compilePlainLanguage(resolve(fixtures, 'broken'), problems);
    expect(problems.items.map(formatProblem)).toEqual([
      'content/plain-language/fi.yaml:1: longSentenceWords: Too small: expected number to be >=5',
      'content/plain-language/fi.yaml:4: wordList[1].plain: is required',
    ]);
  });

  it('accepts the shipped settings', () => {
    const problems = new ProblemList();
    const { profiles: shipped } = compilePlainLanguage(root, problems);
    expect(shipped?.fi.wordList.length).toBeGreaterThan(10);
    expect(shipped?.selko.longSentenceWords).toBeLessThan(shipped!.fi.longSentenceWords);
  });
});
