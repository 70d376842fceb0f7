/** Reads one course folder, checks it as a whole and compiles it per language. */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import { courseMetaSchema, LANGUAGES, type CatalogueEntry, type CompiledCourse, type CourseMeta, type Lang } from './schema.ts';
import { parseModule, type ParsedModule } from './module-parser.ts';
import { rulesOf } from '../course/questions/registry.ts';
import { QUESTION_CONTENT } from '../course/questions/content-registry.ts';
import { answerKey, compileQuestionBank, type QuestionBank } from './question-compiler.ts';
import type { ProblemList } from './problems.ts';
import type { PracticeLibrary } from './practice-compiler.ts';
import { SUSPEND_LIMIT_12, worstCaseSuspendLength } from '../lms/suspend.ts';
import { check, lineOf, parseYaml, type YamlSource } from './yaml-source.ts';
import { readSourceFile } from './source-file.ts';
import { kB, MAX_COURSE_BYTES, MAX_PAGE_BYTES, sizeOf } from './limits.ts';

export interface CourseBuild {
  meta: CourseMeta;
  languages: Lang[];
  compiled: Partial<Record<Lang, CompiledCourse>>;
  /** Absolute paths of images, in the order `asset:<n>` refers to them. */
  assets: string[];
  catalogue: CatalogueEntry;
}

const IMAGE_TYPES = /\.(svg|png|jpe?g|webp)$/i;

export function compileCourse(root: string, dir: string, problems: ProblemList, practices?: PracticeLibrary): CourseBuild | null {
  const rel = (path: string) => relative(root, path);
  const metaFile = join(dir, 'course.yaml');
  if (!existsSync(metaFile)) {
    problems.add(rel(dir), 1, '(course)', 'a course folder needs a course.yaml');
    return null;
  }
  const metaText = readSourceFile(metaFile, rel(metaFile), problems);
  const metaSrc = metaText === null ? null : parseYaml(rel(metaFile), metaText, 1, problems);
  const meta = metaSrc && check(courseMetaSchema, metaSrc, [], '', problems);
  if (!metaSrc || !meta) return null;
  const at = (path: (string | number)[]) => lineOf(metaSrc, path);
  const folder = dir.split(/[\\/]/).pop();
  if (meta.id !== folder) problems.add(metaSrc.file, at(['id']), 'id', `must equal the folder name "${folder}"`);

  const languages = LANGUAGES.filter((l) => existsSync(join(dir, l)) && statSync(join(dir, l)).isDirectory());
  if (languages.length === 0) {
    problems.add(metaSrc.file, 1, '(course)', 'no language folder (fi, sv or en) with module files');
    return null;
  }
  meta.modules.forEach((m, i) => {
    if (meta.modules.indexOf(m) !== i) problems.add(metaSrc.file, at(['modules', i]), `modules[${i + 1}]`, `module "${m}" is listed twice`);
  });
  checkCompletionRule(meta, metaSrc, problems);

  const assets: string[] = [];
  const compiled: Partial<Record<Lang, CompiledCourse>> = {};
  const questionLines: Partial<Record<Lang, Record<string, number>>> = {};
  for (const lang of languages) {
    for (const key of ['title', 'description', 'objectives'] as const) {
      if (!meta[key][lang]) problems.add(metaSrc.file, at([key]), `${key}.${lang}`, `missing, though the course has a "${lang}" folder`);
    }
    const result = compileLanguage(root, dir, lang, meta, metaSrc, assets, problems, practices);
    compiled[lang] = result.course;
    const resumeSize = worstCaseSuspendLength(result.course);
    if (resumeSize > SUSPEND_LIMIT_12) {
      problems.add(metaSrc.file, 1, '(scorm)', `resume data (${lang}) can reach ${resumeSize} characters; SCORM 1.2 allows ${SUSPEND_LIMIT_12}: use fewer questions or pages`);
    }
    questionLines[lang] = result.questionLines;
  }
  checkTranslationsAgree(root, dir, languages, compiled, questionLines, problems);
  const easyPages = compiled.fi ? addEasyFinnish(root, dir, meta, compiled.fi, assets, problems) : 0;

  const first = compiled[languages[0]!];
  if (!first) return null;
  return {
    meta,
    languages,
    compiled,
    assets,
    catalogue: {
      kind: 'course',
      id: meta.id,
      version: meta.version,
      languages,
      title: meta.title,
      description: meta.description,
      minutes: meta.minutes,
      pageIds: first.modules.flatMap((m) => m.pages.map((p) => p.id)),
      hasFinalTest: Boolean(meta.finalTest),
      completion: meta.completion,
      maxTries: meta.finalTest?.maxTries ?? 0,
      easyPages,
    },
  };
}

function checkCompletionRule(meta: CourseMeta, src: YamlSource, problems: ProblemList) {
  if (meta.completion.finalTest !== 'none' && !meta.finalTest) {
    problems.add(src.file, lineOf(src, ['completion', 'finalTest']), 'completion.finalTest', `requires a final test ("${meta.completion.finalTest}") but the course has no finalTest`);
  }
  if (!meta.completion.allPages && meta.completion.finalTest === 'none') {
    problems.add(src.file, lineOf(src, ['completion']), 'completion', 'nothing is required, so the course would count as complete before it is opened');
  }
}

function compileLanguage(
  root: string,
  dir: string,
  lang: Lang,
  meta: CourseMeta,
  metaSrc: YamlSource,
  assets: string[],
  problems: ProblemList,
  practices?: PracticeLibrary,
): { course: CompiledCourse; questionLines: Record<string, number> } {
  const rel = (path: string) => relative(root, path);
  const langDir = join(dir, lang);
  const modules: ParsedModule[] = [];
  meta.modules.forEach((moduleId, i) => {
    const file = join(langDir, `${moduleId}.md`);
    if (!existsSync(file)) {
      problems.add(metaSrc.file, lineOf(metaSrc, ['modules', i]), `modules[${i + 1}]`, `no file ${rel(file)}`);
      return;
    }
    const text = readSourceFile(file, rel(file), problems);
    const parsed = text === null ? null : parseModule(rel(file), text, problems);
    if (!parsed) return;
    if (parsed.id !== moduleId) problems.add(rel(file), 2, 'id', `must equal the file name "${moduleId}"`);
    modules.push(parsed);
  });
  for (const name of readdirSync(langDir)) {
    if (name.endsWith('.md') && !meta.modules.includes(name.slice(0, -3))) {
      problems.add(rel(join(langDir, name)), 1, '(module)', 'this module is not listed in course.yaml "modules", so no learner sees it');
    }
  }

  const questionsFile = join(langDir, 'questions.yaml');
  let bank: QuestionBank = { questions: {}, lines: {} };
  if (existsSync(questionsFile)) {
    const text = readSourceFile(questionsFile, rel(questionsFile), problems);
    const src = text === null ? null : parseYaml(rel(questionsFile), text, 1, problems);
    if (src) bank = compileQuestionBank(src, problems, lang);
  }

  const pageLines = new Map<string, string>();
  const used = new Set<string>();
  for (const mod of modules) {
    const file = rel(join(langDir, `${mod.id}.md`));
    for (const page of mod.pages) {
      const first = pageLines.get(page.id);
      if (first) problems.add(file, page.line, `page ${page.id}`, `duplicate page id (also in ${first})`);
      else pageLines.set(page.id, `${file}:${page.line}`);
    }
    for (const ref of mod.references) {
      if (ref.kind === 'question') {
        used.add(ref.value);
        const q = bank.questions[ref.value];
        if (!q) problems.add(file, ref.line, ref.field, `unknown question id "${ref.value}" (not in ${rel(questionsFile)})`);
      } else if (ref.kind === 'practice') {
        const card = practices?.cards[lang].find((c) => c.id === ref.value);
        if (!card) {
          const known = practices?.ids.has(ref.value);
          problems.add(file, ref.line, ref.field, known ? `the card "${ref.value}" has no "${lang}" version` : `unknown good-practice card "${ref.value}" (not in content/practices)`);
        } else {
          for (const page of mod.pages) {
            page.blocks = page.blocks.map((b) => (b.type === 'practice' && b.ref === ref.value ? { type: 'practice', ...card, ref: undefined } : b));
          }
        }
      } else {
        const index = resolveImage(root, dir, ref.value, assets);
        if (typeof index === 'string') problems.add(file, ref.line, ref.field, index);
        else replaceImageSource(mod, ref.value, `asset:${index}`);
      }
    }
  }

  if (meta.finalTest) checkFinalTest(meta, metaSrc, bank, lang, used, problems);
  for (const [qid, line] of Object.entries(bank.lines)) {
    if (!used.has(qid)) problems.add(rel(questionsFile), line, `question ${qid}`, 'not used in any quiz block or in finalTest.pool');
  }

  for (const mod of modules) {
    for (const page of mod.pages) {
      const size = sizeOf({ title: page.title, blocks: page.blocks });
      if (size > MAX_PAGE_BYTES) {
        problems.add(rel(join(langDir, `${mod.id}.md`)), page.line, `page ${page.id}`, `the page is ${kB(size)} kB; a page may be at most ${kB(MAX_PAGE_BYTES)} kB: split it into several pages`);
      }
    }
  }

  const course: CompiledCourse = {
    id: meta.id,
    version: meta.version,
    lang,
    title: meta.title[lang] ?? '',
    description: meta.description[lang] ?? '',
    minutes: meta.minutes,
    passMark: meta.passMark,
    objectives: meta.objectives[lang] ?? [],
    modules: modules.map((m) => ({ id: m.id, title: m.title, pages: m.pages.map(({ id, title, blocks }) => ({ id, title, blocks })) })),
    questions: bank.questions,
    finalTest: meta.finalTest && { ...meta.finalTest },
    completion: meta.completion,
  };
  const size = sizeOf(course);
  if (size > MAX_COURSE_BYTES) {
    problems.add(metaSrc.file, 1, '(size)', `the ${lang} course is ${kB(size)} kB; a course may be at most ${kB(MAX_COURSE_BYTES)} kB per language: split it into courses`);
  }
  return { course, questionLines: bank.lines };
}

function checkFinalTest(meta: CourseMeta, src: YamlSource, bank: QuestionBank, lang: Lang, used: Set<string>, problems: ProblemList) {
  const test = meta.finalTest!;
  let unanswerable = 0;
  test.pool.forEach((qid, i) => {
    const line = lineOf(src, ['finalTest', 'pool', i]);
    const field = `finalTest.pool[${i + 1}]`;
    if (test.pool.indexOf(qid) !== i) problems.add(src.file, line, field, `"${qid}" is in the pool twice`);
    used.add(qid);
    const q = bank.questions[qid];
    if (!q) {
      problems.add(src.file, line, field, `unknown question id "${qid}" (not in ${lang}/questions.yaml)`);
      unanswerable++;
    } else if (!rulesOf(q.type).scored) {
      problems.add(src.file, line, field, `"${qid}" is ${QUESTION_CONTENT[q.type].noun}, which is never scored and cannot be in the final test`);
      unanswerable++;
    } else if ((q.type === 'single' || q.type === 'multiple') && !q.options.some((o) => o.correct)) {
      unanswerable++; // reported on the question itself
    }
  });
  const pool = new Set(test.pool).size;
  if (test.draw > pool) {
    problems.add(src.file, lineOf(src, ['finalTest', 'draw']), 'finalTest.draw', `draws ${test.draw} questions but the pool has only ${pool}`);
    return;
  }
  // Worst case: every unanswerable question is drawn.
  const best = ((test.draw - Math.min(test.draw, unanswerable)) / test.draw) * 100;
  if (best < meta.passMark) {
    problems.add(src.file, lineOf(src, ['passMark']), 'passMark', `the final test cannot reach the pass mark ${meta.passMark} %: a draw can score at most ${Math.floor(best)} %`);
  }
}

/** The asset index of an image, or why it cannot be used. */
function resolveImage(root: string, courseDir: string, src: string, assets: string[]): number | string {
  const path = normalize(join(courseDir, src));
  if (!path.startsWith(join(courseDir, 'images')) || !IMAGE_TYPES.test(path) || !existsSync(path)) {
    return `image not found: ${relative(root, path)} (images live in the course's images/ folder)`;
  }
  // A symbolic link may point anywhere on the machine that builds; only files inside content/ ship.
  const real = realpathSync(path);
  const contentDir = realpathSync(join(root, 'content'));
  if (!real.startsWith(contentDir + sep) || !statSync(real).isFile()) {
    return `${relative(root, path)} is a link to a file outside the content folder; copy the image into images/ instead`;
  }
  const known = assets.indexOf(path);
  if (known >= 0) return known;
  assets.push(path);
  return assets.length - 1;
}

function replaceImageSource(mod: ParsedModule, from: string, to: string) {
  for (const page of mod.pages) {
    for (const block of page.blocks) if (block.type === 'image' && block.src === from) block.src = to;
  }
}

/** Every language must have the same pages and questions, with the same correct answers. */
function checkTranslationsAgree(
  root: string,
  dir: string,
  languages: Lang[],
  compiled: Partial<Record<Lang, CompiledCourse>>,
  questionLines: Partial<Record<Lang, Record<string, number>>>,
  problems: ProblemList,
) {
  const [baseLang, ...others] = languages;
  const base = baseLang && compiled[baseLang];
  if (!base) return;
  for (const lang of others) {
    const other = compiled[lang];
    if (!other) continue;
    const file = relative(root, join(dir, lang));
    for (const mod of base.modules) {
      const twin = other.modules.find((m) => m.id === mod.id);
      const ids = (m?: { pages: { id: string }[] }) => (m?.pages ?? []).map((p) => p.id).join(', ');
      if (twin && ids(twin) !== ids(mod)) {
        problems.add(`${file}/${mod.id}.md`, 1, 'pages', `pages differ from ${baseLang}: ${lang} has [${ids(twin)}], ${baseLang} has [${ids(mod)}]`);
      }
    }
    for (const [qid, q] of Object.entries(base.questions)) {
      const twin = other.questions[qid];
      if (!twin) problems.add(`${file}/questions.yaml`, 1, `question ${qid}`, `missing; it exists in ${baseLang}`);
      else if (answerKey(twin) !== answerKey(q)) {
        problems.add(`${file}/questions.yaml`, questionLines[lang]?.[qid] ?? 1, `question ${qid}`, `the correct answer differs from ${baseLang}`);
      }
    }
    for (const qid of Object.keys(other.questions)) {
      if (!base.questions[qid]) problems.add(`${file}/questions.yaml`, questionLines[lang]?.[qid] ?? 1, `question ${qid}`, `not in ${baseLang}; every language needs the same questions`);
    }
  }
}

const EASY_BLOCKS = new Set(['text', 'image', 'callout', 'keypoints']);

/** Reads selko/: Easy Finnish versions of Finnish pages. Returns how many pages have one. */
function addEasyFinnish(root: string, dir: string, meta: CourseMeta, fi: CompiledCourse, assets: string[], problems: ProblemList): number {
  const easyDir = join(dir, 'selko');
  if (!existsSync(easyDir)) return 0;
  let count = 0;
  for (const name of readdirSync(easyDir).sort()) {
    if (!name.endsWith('.md')) continue;
    const file = relative(root, join(easyDir, name));
    const moduleId = name.slice(0, -3);
    const target = fi.modules.find((m) => m.id === moduleId);
    if (!meta.modules.includes(moduleId) || !target) {
      problems.add(file, 1, '(module)', `there is no Finnish module "${moduleId}" for this Easy Finnish version`);
      continue;
    }
    const text = readSourceFile(join(easyDir, name), file, problems);
    const parsed = text === null ? null : parseModule(file, text, problems);
    if (!parsed) continue;
    if (parsed.id !== moduleId) problems.add(file, 2, 'id', `must equal the file name "${moduleId}"`);
    for (const ref of parsed.references) {
      if (ref.kind !== 'image') continue;
      const index = resolveImage(root, dir, ref.value, assets);
      if (typeof index === 'string') problems.add(file, ref.line, ref.field, index);
      else replaceImageSource(parsed, ref.value, `asset:${index}`);
    }
    for (const page of parsed.pages) {
      const twin = target.pages.find((p) => p.id === page.id);
      if (!twin) {
        problems.add(file, page.line, `page ${page.id}`, `the Finnish module "${moduleId}" has no page with this id`);
        continue;
      }
      const wrong = page.blocks.find((b) => !EASY_BLOCKS.has(b.type));
      if (wrong) problems.add(file, page.line, `page ${page.id}`, `Easy Finnish pages use text, image, callout and keypoints blocks, not "${wrong.type}"`);
      twin.easy = { title: page.title, blocks: page.blocks.filter((b) => EASY_BLOCKS.has(b.type)) };
      count++;
    }
  }
  return count;
}
