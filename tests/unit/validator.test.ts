import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build-content';
import { formatProblem } from '../../src/content/problems';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures', name);

/** Issue 14: what the build would change or cannot read is reported, never silently dropped. */
const hostileInput = [
  'content/courses/alias-bomb/course.yaml:6: (yaml): the aliases expand to too much data (more than 100); write the values out',
  'content/courses/bad-yaml/fi/osa.md:13: (yaml): column 1: Map keys must be unique',
  'content/courses/bad-yaml/fi/osa.md:20: (yaml): column 7: Nested mappings are not allowed in compact mappings',
  'content/courses/bad-yaml/fi/osa.md:20: (yaml): column 7: Implicit keys need to be on a single line',
  'content/courses/encoding/fi/osa.md:8: (file): the file is not UTF-8 (a byte here is not valid UTF-8, as from a Windows-1252 or Latin-1 editor): save it as UTF-8',
  'content/courses/hostile-markup/fi/osa.md:8: (markup): script-capable HTML "<script>" is not allowed: content is Markdown only',
  'content/courses/hostile-markup/fi/osa.md:10: (markup): script-capable HTML "<img src=x onerror="alert(2)">" is not allowed: content is Markdown only',
  'content/courses/hostile-markup/fi/osa.md:12: (markup): the link "javascript:alert(3)" is not allowed: links must be https:, mailto: or a path inside the site',
  'content/courses/hostile-markup/fi/osa.md:19: text: script-capable HTML "<iframe src="https://example.org">" is not allowed: content is Markdown only',
  'content/courses/hostile-markup/fi/osa.md:22: (markup): script-capable HTML "<svg onload="alert(4)">" is not allowed: content is Markdown only',
  'content/courses/hostile-markup/fi/osa.md:22: (markup): the link "data:text/html,hi" is not allowed: links must be https:, mailto: or a path inside the site',
  'content/courses/hostile-markup/fi/questions.yaml:4: questions[1].prompt: script-capable HTML "<b onclick="x()">" is not allowed: content is Markdown only',
  'content/courses/hostile-markup/fi/questions.yaml:10: questions[1].items[2].feedback: the link "javascript:alert(5)" is not allowed: links must be https:, mailto: or a path inside the site',
];

describe('content validator', { timeout: 60_000 }, () => {
  it('accepts the shipped content', () => {
    const { problems, courses } = buildContent(resolve(import.meta.dirname, '../..'));
    expect(problems.map(formatProblem)).toEqual([]);
    expect(courses.length).toBeGreaterThan(0);
  });

  it('names file, line and field of every problem in the broken fixtures', () => {
    const lines = buildContent(fixture('broken')).problems.map(formatProblem).sort();
    expect(lines).toEqual(
      [
        'content/courses/bad-meta/course.yaml:1: minutes: is required',
        'content/courses/bad-meta/course.yaml:3: colour: unknown field',
        'content/courses/bad-meta/course.yaml:4: passMark: must be between 0 and 100',
        'content/courses/bad-refs/course.yaml:14: finalTest.draw: draws 3 questions but the pool has only 2',
        'content/courses/bad-refs/fi/osa.md:11: image.src: image not found: content/courses/bad-refs/images/puuttuu.svg (images live in the course\'s images/ folder)',
        'content/courses/bad-refs/fi/osa.md:17: image.alt: must not be empty',
        'content/courses/bad-refs/fi/osa.md:20: page sama: duplicate page id (also in content/courses/bad-refs/fi/osa.md:6)',
        'content/courses/bad-refs/fi/osa.md:25: quiz.questions[2]: unknown question id "q-tuntematon" (not in content/courses/bad-refs/fi/questions.yaml)',
        'content/courses/bad-refs/fi/osa.md:28: block: unknown block "callot"; use one of image, callout, readmore, keypoints, quote, links, practice, quiz',
        'content/courses/bad-refs/fi/osa.md:33: practice.ref: unknown good-practice card "ei-tallaista-korttia" (not in content/practices)',
        'content/courses/bad-refs/fi/questions.yaml:12: questions[2] (q-kaksi): a single-choice question needs exactly one correct option (has 0)',
        'content/courses/bad-refs/fi/questions.yaml:21: questions[3] (q-yksi).id: duplicate question id "q-yksi" (first on line 2)',
        'content/courses/too-big/course.yaml:1: (scorm): resume data (fi) can reach 4741 characters; SCORM 1.2 allows 4096: use fewer questions or pages',
        'content/courses/unreachable/course.yaml:15: finalTest.pool[2]: "q-pohdinta" is a reflection, which is never scored and cannot be in the final test',
        "content/games/broken-plays/fi/scenes.md:21: scene kierros: from here (with trust=1) no ending can be reached: the play loops for ever",
        "content/games/broken-plays/fi/scenes.md:29: scene umpikuja: dead end: with trust=0 no option is available",
        "content/games/broken-plays/fi/scenes.md:40: scene irrallinen: no play reaches this scene",
        "content/games/broken-plays/fi/scenes.md:48: scene loppu: no play reaches this ending",
        "content/games/broken-plays/fi/scenes.md:6: scene alku: from here (with trust=1) no ending can be reached: the play loops for ever",
        "content/games/broken-plays/sv/scenes.md:1: scene irrallinen: missing; it exists in fi",
        "content/games/broken-plays/sv/scenes.md:21: scene kierros: from here (with trust=1) no ending can be reached: the play loops for ever",
        "content/games/broken-plays/sv/scenes.md:29: scene umpikuja: dead end: with trust=0 no option is available",
        "content/games/broken-plays/sv/scenes.md:40: scene loppu: no play reaches this ending",
        "content/games/broken-plays/sv/scenes.md:6: scene alku: from here (with trust=1) no ending can be reached: the play loops for ever",
        "content/games/broken-plays/sv/scenes.md:6: scene alku: options, effects or targets differ from fi",
        "content/games/broken-refs/fi/scenes.md:10: scene alku option a effects: unknown meter \"luottamus\"",
        "content/games/broken-refs/fi/scenes.md:10: scene alku option a next: unknown scene \"ei-ole\"",
        "content/games/broken-refs/fi/scenes.md:15: scene alku option b if: 11 is outside the range of trust (0..10)",
        "content/games/broken-refs/game.yaml:13: meters[1] (trust).start: 12 is outside the range 0..10",
        'content/courses/unreachable/course.yaml:4: passMark: the final test cannot reach the pass mark 60 %: a draw can score at most 50 %',
        // Item-writing checks (src/content/item-quality) on the same fixtures.
        'content/courses/bad-refs/fi/questions.yaml:2: question q-yksi: a single-choice question with 2 options is guessed right 50 % of the time; give it at least 3 plausible options (or make it a true/false statement)',
        'content/courses/bad-refs/fi/questions.yaml:12: question q-kaksi: a single-choice question with 2 options is guessed right 50 % of the time; give it at least 3 plausible options (or make it a true/false statement)',
        'content/courses/unreachable/course.yaml:1: finalTest.pool: only 1 of 2 pool questions (fi) pass the item-writing checks; a draw of 2 needs at least 3 (1.5 × draw) so that tries differ and no flawed question has to be drawn: add good questions',
        ...hostileInput,
      ].sort(),
    );
  });

  it('gives every final test a pool at least one and a half times its draw', () => {
    const { courses } = buildContent(resolve(import.meta.dirname, '../..'));
    for (const c of courses) {
      const test = c.meta.finalTest!;
      expect(test.pool.length, c.meta.id).toBeGreaterThanOrEqual(Math.ceil(test.draw * 1.5));
    }
  });

  it('puts good-practice cards from the library where content names them', () => {
    const { courses, games, practices } = buildContent(resolve(import.meta.dirname, '../..'));
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const course = courses.find((c) => c.meta.id === 'kansalaisyhteiskunta')!.compiled[lang]!;
      const library = practices.cards[lang].find((c) => c.id === 'kansalaisjarjestoakatemia')!;
      const card = course.modules.flatMap((m) => m.pages.flatMap((p) => p.blocks)).find((b) => b.type === 'practice' && b.title === library.title);
      expect(card, lang).toMatchObject({ what: library.what, achieved: library.achieved, next: library.next });
      const game = games.find((g) => g.meta.id === 'palvelutiski')!.compiled[lang]!;
      const ending = game.scenes['loppu-luottamus'];
      expect(ending?.type === 'ending' && ending.practices.map((p) => p.id)).toEqual(['demokraattisten-kohtaamisten-kasikirja', 'selkea-virkakieli-verkkokurssi']);
    }
  });

  it('reports YAML syntax errors with their line', async () => {
    const { ProblemList } = await import('../../src/content/problems');
    const { parseModule } = await import('../../src/content/module-parser');
    const problems = new ProblemList();
    parseModule('x.md', '---\nid: x\ntitle: X\n---\n\n# Sivu {#s}\n\n```callout\ntext: [unclosed\n```\n', problems);
    expect(problems.items.map(formatProblem)[0]).toMatch(/^x\.md:9: \(yaml\): /);
  });

  it('requires a page id in every page heading', async () => {
    const { ProblemList } = await import('../../src/content/problems');
    const { parseModule } = await import('../../src/content/module-parser');
    const problems = new ProblemList();
    parseModule('m.md', '---\nid: m\ntitle: M\n---\n\n# Ilman tunnusta\n\nTekstiä.\n', problems);
    expect(problems.items.map(formatProblem)).toEqual(['m.md:6: page: a page heading needs a title and an id, like "# Title {#page-id}"']);
  });

  it('reports a translation whose correct answer differs', async () => {
    const { mkdtempSync, cpSync, writeFileSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(resolve(tmpdir(), 'kohtaamo-'));
    cpSync(fixture('valid'), root, { recursive: true });
    const course = resolve(root, 'content/courses/safe');
    cpSync(resolve(course, 'fi'), resolve(course, 'sv'), { recursive: true });
    const meta = readFileSync(resolve(course, 'course.yaml'), 'utf8')
      .replace('fi: Turvallinen', 'fi: Turvallinen\n  sv: Trygg')
      .replace('fi: Sisältö, joka', 'sv: Innehåll.\n  fi: Sisältö, joka')
      .replace('    - Testata puhdistusta.', '    - Testata puhdistusta.\n  sv:\n    - Testa.');
    writeFileSync(resolve(course, 'course.yaml'), meta);
    const questions = readFileSync(resolve(course, 'sv/questions.yaml'), 'utf8').replace('      - text: Lopuksi\n', '');
    writeFileSync(resolve(course, 'sv/questions.yaml'), questions);
    const lines = buildContent(root).problems.map(formatProblem);
    expect(lines).toEqual(['content/courses/safe/sv/questions.yaml:2: question q-jarjestys: the correct answer differs from fi']);
  });
});
