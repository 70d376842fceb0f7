/**
 * Size limits for authored content (documented in content/README.md). They keep a page quick to
 * open on a phone and a course chunk small enough for a SCORM package and an offline cache; the
 * largest shipped page is about 5 kB and the largest course about 120 kB per language.
 */
export const MAX_SOURCE_FILE_BYTES = 1024 * 1024;
export const MAX_PAGE_BYTES = 50 * 1024;
export const MAX_COURSE_BYTES = 1024 * 1024;
export const MAX_GAME_BYTES = 1024 * 1024;

export const kB = (bytes: number) => Math.ceil(bytes / 1024);
export const sizeOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
