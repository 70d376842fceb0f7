declare module 'virtual:kohtaamo/catalogue' {
  import type { CatalogueEntry, CompiledCourse, Lang } from './schema.ts';
  import type { CompiledGame } from './game-schema.ts';
  export const catalogue: CatalogueEntry[];
  export const loaders: Record<string, Partial<Record<Lang, () => Promise<{ default: CompiledCourse }>>>>;
  export const gameLoaders: Record<string, Partial<Record<Lang, () => Promise<{ default: CompiledGame }>>>>;
}
