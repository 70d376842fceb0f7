/**
 * Which files the first view will need, decided in the HTML before the app's own code has loaded.
 * The build writes `firstViewFiles` into index.html as a small inline script (see
 * first-view-hints-plugin.ts) that asks for those files at once, so view code, UI strings and
 * content arrive beside the app instead of one round trip after it.
 *
 * The function is serialised with toString(): it must not use anything outside its own body.
 * A wrong guess (a language the LMS overrides later, say) only costs one unneeded download.
 */

export interface HintMap {
  /** UI strings per language, in parts (src/i18n/string-parts.ts). */
  strings: Record<string, Record<string, string[]>>;
  /** The string parts a first view needs, by the first part of the route; any other route needs all. */
  stringParts: Record<string, string[]>;
  /** View code by the first part of the route ("course", "game", "practices", "my"…). */
  views: Record<string, string[]>;
  /**
   * Content chunks: "course/<id>/<lang>" (the outline), "course-part/<id>/<lang>/<module id or @test>",
   * "game/<id>/<lang>", "practices/<lang>", "catalogue-texts/<lang>" (titles and descriptions).
   */
  content: Record<string, string[]>;
  /** Per course id, its pages ("<module id>/<page id>") with a knowledge check: their code is hinted too. */
  quizPages: Record<string, string[]>;
  /** For a SCORM package: the kind of each piece of content, and the code a package loads first. */
  kinds: Record<string, 'course' | 'game'>;
  packageCode: string[];
}

export interface HintInput {
  hash: string;
  saved: string | null | undefined;
  browser: readonly string[];
  /** The content id of a SCORM package (its meta tag), or null on the site. */
  packageId: string | null;
}

export function firstViewFiles(map: HintMap, input: HintInput): string[] {
  // The same order as chooseLanguage: saved choice, browser languages, Finnish.
  const aliases: Record<string, string> = { fin: 'fi', swe: 'sv', eng: 'en' };
  let lang = 'fi';
  const candidates = [input.saved, ...input.browser];
  search: for (const candidate of candidates) {
    const code = String(candidate ?? '').trim().toLowerCase();
    for (const known of Object.keys(map.strings)) {
      if (code === known || code.indexOf(known + '-') === 0 || code.indexOf(known + '_') === 0 || aliases[code] === known) {
        lang = known;
        break search;
      }
    }
  }
  const files: string[] = [];
  const add = (list: string[] | undefined) => {
    for (const file of list ?? []) if (files.indexOf(file) < 0) files.push(file);
  };
  const parts = input.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const first = parts[0] ?? '';
  const strings = map.strings[lang] ?? {};
  const stringParts = input.packageId ? Object.keys(strings) : map.stringParts[first] ?? Object.keys(strings);
  for (const part of stringParts) add(strings[part]);
  add(map.content[`catalogue-texts/${lang}`]);
  if (input.packageId) {
    const kind = map.kinds[input.packageId] ?? 'course';
    add(map.packageCode);
    add(map.views[kind]);
    // A package reads its content in Finnish first to talk to the LMS, then in the learner's language.
    for (const l of ['fi', lang]) {
      add(map.content[`${kind}/${input.packageId}/${l}`]);
      for (const name in map.content) if (name.indexOf(`course-part/${input.packageId}/${l}/`) === 0) add(map.content[name]);
    }
    return files;
  }
  add(map.views[first]);
  // The final test and the certificate have code of their own.
  if (first === 'course' && parts.length === 3 && (parts[2] === 'test' || parts[2] === 'certificate')) add(map.views[`course/${parts[2]}`]);
  // A broken escape stays as it is: it names no content, so nothing is guessed for it.
  const decoded = (part: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  if ((first === 'course' || first === 'game') && parts[1]) {
    const id = decoded(parts[1]);
    add(map.content[`${first}/${id}/${lang}`]);
    // A course page needs its module; the test and certificate every part; the intro none.
    const coursePart = `course-part/${id}/${lang}/`;
    if (first === 'course' && parts.length >= 4) {
      const moduleId = decoded(parts[2]!);
      const pageId = decoded(parts[3]!);
      add(map.content[coursePart + moduleId]);
      if ((map.quizPages[id] ?? []).indexOf(moduleId + '/' + pageId) >= 0) add(map.views['course/quiz']);
    }
    else if (first === 'course' && (parts[2] === 'test' || parts[2] === 'certificate')) {
      for (const name in map.content) if (name.indexOf(coursePart) === 0) add(map.content[name]);
    }
  }
  if (first === 'practices') add(map.content[`practices/${lang}`]);
  return files;
}
