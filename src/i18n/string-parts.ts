/**
 * The UI strings of a language travel in parts, so that a first view downloads only what it shows:
 * the catalogue needs "shell", a course page "shell" and "course", a participant's join view on a
 * phone "shell" and "join"; every other view waits for all of them. An entry names a top-level
 * section of the locale files or one key in a section; what no part names is "more".
 * tests/unit/string-parts.test.ts checks these lists against the code of the catalogue, the course
 * view and the join view, so a string cannot go missing from a first view.
 */
export const NAMED_PARTS = {
  shell: [
    'app',
    'nav',
    'language',
    'storage',
    'a11y',
    'catalogue',
    'course',
    'easy',
    'completion',
    'lms',
    'update',
    'status',
    'checker.toolsHeading',
    'checker.title',
    'checker.cardText',
  ],
  course: ['test', 'certificate', 'block', 'check', 'question', 'feedback', 'practice', 'rewrite'],
  join: ['live', 'game'],
} as const;

export type StringPart = keyof typeof NAMED_PARTS | 'more';
export const STRING_PARTS: readonly StringPart[] = ['shell', 'course', 'join', 'more'];

/** The parts a view needs before it can render, by route name (router.ts). */
export function partsForRoute(routeName: string): readonly StringPart[] {
  if (routeName === 'catalogue') return ['shell'];
  if (routeName === 'course' || routeName === 'page' || routeName === 'test' || routeName === 'certificate') return ['shell', 'course'];
  if (routeName === 'join') return ['shell', 'join'];
  return STRING_PARTS;
}

type Strings = Record<string, unknown>;

/** One language's strings split into parts (at build time); together they hold every string once. */
export function splitStrings(strings: Strings): Record<StringPart, Strings> {
  const rest: Strings = structuredClone(strings);
  const split = { more: rest } as Record<StringPart, Strings>;
  for (const [part, entries] of Object.entries(NAMED_PARTS) as [keyof typeof NAMED_PARTS, readonly string[]][]) {
    const out: Strings = {};
    for (const entry of entries) {
      const [section, key] = entry.split('.') as [string, string | undefined];
      const from = rest[section];
      if (from === undefined) throw new Error(`string part "${part}": no section "${section}" in the locale file`);
      if (key === undefined) {
        out[section] = from;
        delete rest[section];
        continue;
      }
      const source = from as Strings;
      // A key with plural forms is stored as key_one, key_other…
      const names = Object.keys(source).filter((name) => name === key || name.startsWith(`${key}_`));
      if (names.length === 0) throw new Error(`string part "${part}": no key "${entry}" in the locale file`);
      const target = (out[section] ??= {}) as Strings;
      for (const name of names) {
        target[name] = source[name];
        delete source[name];
      }
    }
    split[part] = out;
  }
  return split;
}
