declare module 'virtual:kohtaamo/catalogue' {
  import type { CatalogueEntry, CompiledCourse, Lang } from './schema.ts';
  import type { CompiledGame } from './game-schema.ts';
  import type { PracticeCard } from './practice-compiler.ts';
  /** Without titles and descriptions: those load per language (catalogueTexts), see src/app/content.ts. */
  export const catalogue: CatalogueEntry[];
  export const catalogueTexts: Record<Lang, () => Promise<{ default: Record<string, { lang: Lang; title: string; description: string }> }>>;
  /** Each course's outline, and a loader per part (module, or the final test's questions): course-parts.ts. */
  export const loaders: Record<string, Partial<Record<Lang, () => Promise<{ outline: CompiledCourse; parts: Record<string, () => Promise<{ default: import('./course-parts.ts').CoursePart }>> }>>>>;
  export const practiceLoaders: Record<Lang, () => Promise<{ default: PracticeCard[] }>>;
  export const gameLoaders: Record<string, Partial<Record<Lang, () => Promise<{ default: CompiledGame }>>>>;
}

declare module 'virtual:kohtaamo/facilitator' {
  import type { Lang } from './schema.ts';
  import type { FacilitatorGuide } from './facilitator-compiler.ts';
  export const guideLoaders: Record<string, Partial<Record<Lang, () => Promise<{ default: FacilitatorGuide }>>>>;
}

declare module 'virtual:kohtaamo/plain-language' {
  import type { CheckerSettings } from '../plain-language/types.ts';
  /** The checker's settings per language, and for Easy Finnish (selko); null if content has none. */
  const profiles: Record<'fi' | 'sv' | 'en' | 'selko', CheckerSettings> | null;
  export default profiles;
}

declare module 'virtual:kohtaamo/strings' {
  import type { Lang } from './constants.ts';
  import type { StringPart } from '../i18n/string-parts.ts';
  /** The UI strings of each language, in parts (src/i18n/string-parts.ts). */
  export const stringLoaders: Record<Lang, Record<StringPart, () => Promise<{ default: Record<string, unknown> }>>>;
}
