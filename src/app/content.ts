/** The content the build compiled in: the catalogue now, each course when it is opened. */
import { catalogue, catalogueTexts, loaders } from 'virtual:kohtaamo/catalogue';
import { fillPart } from '../content/course-parts';
import type { CatalogueEntry, CompiledCourse, Lang } from '../content/schema';

export { catalogue };

export function findEntry(id: string): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.id === id);
}

const textsIn = new Set<Lang>();

/**
 * Puts the catalogue's titles and descriptions in a language into its entries (an entry not written
 * in it gets its first language's). Loaded beside the UI strings, before a view shows a title.
 */
export async function loadCatalogueTexts(lang: Lang): Promise<void> {
  if (textsIn.has(lang)) return;
  const load = catalogueTexts[lang];
  if (!load) return;
  const texts = (await load()).default;
  for (const entry of catalogue) {
    const text = texts[entry.id];
    if (!text) continue;
    entry.title[text.lang] = text.title;
    entry.description[text.lang] = text.description;
  }
  textsIn.add(lang);
}

/** Parts already put into each outline (one outline object per course and language). */
const filled = new WeakMap<CompiledCourse, Set<string>>();
/** The outlines loaded so far, by "<id>/<wanted language>" (see loadedCourse). */
const loadedOutlines = new Map<string, CompiledCourse>();

/** The course loadCourse has given before for this id and language, if any; without waiting. */
export function loadedCourse(id: string, lang: Lang): CompiledCourse | undefined {
  return loadedOutlines.get(`${id}/${lang}`);
}

async function courseModule(id: string, lang: Lang) {
  const byLang = loaders[id];
  if (!byLang) return null;
  const loader = byLang[lang] ?? Object.values(byLang)[0];
  return loader ? loader() : null;
}

/**
 * The course in the wanted language (or its first language when that one is not written), with
 * the content of the given parts (module ids; all when not given). The same object every time:
 * later calls fill in more of it, so whoever holds it sees the parts as they arrive.
 */
export async function loadCourse(id: string, lang: Lang, parts?: string[]): Promise<CompiledCourse | null> {
  const loaded = await courseModule(id, lang);
  if (!loaded) return null;
  const course = loaded.outline;
  loadedOutlines.set(`${id}/${lang}`, course);
  const done = filled.get(course) ?? new Set<string>();
  filled.set(course, done);
  const wanted = (parts ?? Object.keys(loaded.parts)).filter((name) => loaded.parts[name]);
  await Promise.all(
    wanted
      .filter((name) => !done.has(name))
      .map(async (name) => {
        fillPart(course, name, (await loaded.parts[name]!()).default);
        done.add(name);
      }),
  );
  return course;
}

/** Whether these parts of the course are in (see loadCourse). */
export function hasParts(course: CompiledCourse, parts: string[] | 'all'): boolean {
  const done = filled.get(course);
  if (!done) return false;
  return parts === 'all' ? done.size === course.modules.length + 1 : parts.every((p) => done.has(p));
}
