/** Plain values shared by the content schema and the app (no zod here: this ships to browsers). */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const PRACTICE_THEMES = ['understandability', 'participation', 'open-action', 'enabler', 'open-data'] as const;
