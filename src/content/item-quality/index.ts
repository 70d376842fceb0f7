/**
 * Item-writing and terminology checks over all shipped content (issue 17): guessable questions,
 * game scenes whose best option is given away by its length, and drifting terms.
 * `checkContentQuality` returns the findings that fail the build (`failing`) and those printed as
 * warnings because content/config.yaml does not enforce their kind yet (`warnings`).
 */
import { rulesOf } from '../../course/questions/registry.ts';
import type { CourseBuild } from '../course-compiler.ts';
import type { GameBuild } from '../game-compiler.ts';
import { ProblemList, type Problem } from '../problems.ts';
import { loadContentConfig, type ContentConfig } from './config.ts';
import type { Finding } from './finding.ts';
import { contentFiles, glossaryFindings, loadGlossary } from './glossary.ts';
import { aboveOptionProblems, promptEchoProblems, revealingLabelProblems, tooFewOptionsProblems } from './item-checks.ts';
import { courseItems, gameItems, type ChoiceItem } from './items.ts';

export interface ShareReport {
  kind: 'courses' | 'games';
  id: string;
  lang: string;
  file: string;
  longest: number;
  items: number;
  share: number;
  limit: number;
}

export interface QualityReport {
  failing: Problem[];
  warnings: Problem[];
  shares: ShareReport[];
  /** Final-test pools: items without findings against the draw (per course and language). */
  pools: { id: string; lang: string; good: number; pool: number; draw: number; needed: number }[];
}

/** The keyed option is longer (in characters) than every other option. */
export function keyIsLongest(item: ChoiceItem): boolean {
  const keyed = item.options.filter((o) => o.keyed).map((o) => o.text.length);
  const others = item.options.filter((o) => !o.keyed).map((o) => o.text.length);
  return keyed.length > 0 && others.length > 0 && Math.max(...keyed) > Math.max(...others);
}

function itemFindings(item: ChoiceItem, config: ContentConfig): string[] {
  return [...tooFewOptionsProblems(item, config.itemQuality.minOptions), ...aboveOptionProblems(item), ...promptEchoProblems(item)];
}

function shareFinding(kind: 'courses' | 'games', owner: string, file: string, lang: string, items: ChoiceItem[], config: ContentConfig, shares: ShareReport[]): Finding[] {
  if (items.length === 0) return [];
  const limit = config.itemQuality.longestKeyedShare[kind];
  const longest = items.filter(keyIsLongest);
  const share = longest.length / items.length;
  shares.push({ kind, id: owner, lang, file, longest: longest.length, items: items.length, share, limit });
  if (share <= limit || items.length < config.itemQuality.minItemsForShare) return [];
  const what = kind === 'courses' ? 'single-choice questions' : 'choice scenes';
  const key = kind === 'courses' ? 'the keyed option' : 'the best option';
  return [
    {
      kind,
      owner,
      file,
      line: longest[0]!.line,
      field: 'item lengths',
      message: `${key} is the longest in ${longest.length} of ${items.length} ${what} (${Math.round(share * 100)} %, limit ${Math.round(limit * 100)} % in content/config.yaml), so a test-wise learner picks the longest option and passes: make wrong options as full and specific as the right one, or cut the right one to the point (${longest.map((i) => i.id).join(', ')})`,
    },
  ];
}

export function checkContentQuality(root: string, courses: CourseBuild[], games: GameBuild[]): QualityReport {
  const configProblems = new ProblemList();
  const config = loadContentConfig(root, configProblems);
  const rules = loadGlossary(root, configProblems);
  const findings: Finding[] = [];
  const shares: ShareReport[] = [];
  const pools: QualityReport['pools'] = [];

  for (const course of courses) {
    for (const set of courseItems(root, course)) {
      const flawed = new Set<string>();
      const add = (item: { id: string; file: string; line: number; field: string }, messages: string[]) => {
        for (const message of messages) findings.push({ kind: 'courses', owner: course.meta.id, file: item.file, line: item.line, field: item.field, message });
        if (messages.length > 0) flawed.add(item.id);
      };
      for (const item of set.choices) add(item, itemFindings(item, config));
      for (const item of set.sequences) add(item, revealingLabelProblems(item));
      const singles = set.choices.filter((c) => c.type === 'single');
      findings.push(...shareFinding('courses', course.meta.id, set.file, set.lang, singles, config, shares));
      const test = course.meta.finalTest;
      if (test && test.draw <= new Set(test.pool).size) { // a draw larger than the pool is reported by the course compiler
        const pool = [...new Set(test.pool)];
        const questions = course.compiled[set.lang]?.questions ?? {};
        const scorable = (id: string) => questions[id] !== undefined && rulesOf(questions[id]!.type).scored;
        const good = pool.filter((id) => scorable(id) && !flawed.has(id)).length;
        const needed = Math.ceil(test.draw * config.itemQuality.poolFactor);
        pools.push({ id: course.meta.id, lang: set.lang, good, pool: pool.length, draw: test.draw, needed });
        if (good < needed) {
          findings.push({
            kind: 'courses',
            owner: course.meta.id,
            file: `content/courses/${course.meta.id}/course.yaml`,
            line: 1,
            field: 'finalTest.pool',
            message: `only ${good} of ${pool.length} pool questions (${set.lang}) pass the item-writing checks; a draw of ${test.draw} needs at least ${needed} (${config.itemQuality.poolFactor} × draw) so that tries differ and no flawed question has to be drawn: ${pool.every((id) => !flawed.has(id)) ? 'add good questions' : `mend the flawed questions (${pool.filter((id) => flawed.has(id)).join(', ')}) or add good ones`}`,
          });
        }
      }
    }
  }

  for (const game of games) {
    for (const set of gameItems(root, game)) {
      for (const scene of set.allOptions) {
        for (const message of aboveOptionProblems(scene)) findings.push({ kind: 'games', owner: game.meta.id, file: scene.file, line: scene.line, field: scene.field, message });
      }
      findings.push(...shareFinding('games', game.meta.id, set.file, set.lang, set.scenes, config, shares));
    }
  }

  findings.push(...glossaryFindings(root, rules, contentFiles(root)));

  const failing: Problem[] = [...configProblems.items];
  const warnings: Problem[] = [];
  for (const f of findings) {
    const problem = { file: f.file, line: f.line, field: f.field, message: f.message };
    if (f.kind === 'config' || config.itemQuality.enforce[f.kind]) failing.push(problem);
    else warnings.push(problem);
  }
  return { failing, warnings, shares, pools };
}
