/** How much of each course and game is written in each language: printed by validate and build. */
import type { ContentBuild } from './build-content.ts';
import { LANGUAGES, type Lang } from './schema.ts';

export interface CoverageRow {
  id: string;
  kind: 'course' | 'game' | 'facilitator' | 'practices';
  /** Pages and questions (courses) or scenes (games) per language; total from the fullest one. */
  translated: Record<Lang, number>;
  total: number;
}

export function coverage(build: ContentBuild): CoverageRow[] {
  const rows: CoverageRow[] = [];
  for (const c of build.courses) {
    const units = (lang: Lang) => {
      const course = c.compiled[lang];
      return course ? course.modules.reduce((n, m) => n + m.pages.length, 0) + Object.keys(course.questions).length : 0;
    };
    const translated = Object.fromEntries(LANGUAGES.map((l) => [l, units(l)])) as Record<Lang, number>;
    rows.push({ id: c.meta.id, kind: 'course', translated, total: Math.max(...Object.values(translated)) });
  }
  for (const g of build.games) {
    const translated = Object.fromEntries(LANGUAGES.map((l) => [l, Object.keys(g.compiled[l]?.scenes ?? {}).length])) as Record<Lang, number>;
    rows.push({ id: g.meta.id, kind: 'game', translated, total: Math.max(...Object.values(translated)) });
  }
  for (const f of build.facilitator) {
    // Scene notes plus the guide itself (purpose, timing, debrief) per language.
    const translated = Object.fromEntries(LANGUAGES.map((l) => [l, f.guides[l] ? f.notes[l] + 1 : 0])) as Record<Lang, number>;
    rows.push({ id: f.gameId, kind: 'facilitator', translated, total: Math.max(...Object.values(translated)) });
  }
  const cards = build.practices.cards;
  const translated = { fi: cards.fi.length, sv: cards.sv.length, en: cards.en.length };
  if (build.practices.ids.size > 0) rows.push({ id: 'library', kind: 'practices', translated, total: build.practices.ids.size });
  return rows;
}

export function coverageTable(rows: CoverageRow[]): string {
  const cell = (n: number, total: number) => (total === 0 ? '–' : `${Math.round((n / total) * 100)} % (${n}/${total}${n < total ? `, missing ${total - n}` : ''})`);
  const lines = rows.map((r) => [`${r.kind} ${r.id}`, ...LANGUAGES.map((l) => cell(r.translated[l], r.total))]);
  const header = ['content', ...LANGUAGES];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [format(header), format(widths.map((w) => '-'.repeat(w))), ...lines.map(format)].join('\n');
}
