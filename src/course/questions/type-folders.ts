/**
 * A question type is registered by its folder: each registry collects one file of every folder
 * under types/ (`import.meta.glob`), and each of those files names the types it serves. So adding
 * a type touches its own folder and the UI strings, and no list elsewhere.
 */

/** One facet of every type, by type name, from the globbed files' records; a name served twice is an error. */
export function byType<T>(files: Record<string, Record<string, T>>, facet: string): Record<string, T> {
  const found: Record<string, T> = {};
  const servedBy: Record<string, string> = {};
  // Code-point order: the same everywhere, and no collator to start (localeCompare's first call is slow on a phone).
  for (const [file, record] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!record || typeof record !== 'object') throw new Error(`${file} does not export the ${facet} of its question types`);
    for (const [type, value] of Object.entries(record)) {
      if (servedBy[type]) throw new Error(`question type "${type}" has two ${facet}: ${servedBy[type]} and ${file}`);
      servedBy[type] = file;
      found[type] = value;
    }
  }
  return found;
}
