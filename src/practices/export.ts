/** A trainer's own card as a content file for content/practices/, in the library's YAML format. */
import type { OwnPractice } from '../storage/db';

/** JSON strings are valid YAML double-quoted scalars: no YAML library needed in the browser. */
const q = (text: string) => JSON.stringify(text);

export function slug(title: string): string {
  const base = title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
  return base || 'oma-kaytanto';
}

export function practiceYaml(card: OwnPractice, today = new Date()): { fileName: string; text: string } {
  const id = slug(card.title);
  const lines = [
    `id: ${id}`,
    `theme: ${card.theme}`,
    `title:`,
    `  ${card.lang}: ${q(card.title)}`,
    `what:`,
    `  ${card.lang}: ${q(card.what)}`,
    `achieved:`,
    `  ${card.lang}: ${q(card.achieved)}`,
    `next:`,
    `  ${card.lang}: ${q(card.next)}`,
    ...(card.link ? ['more:', `  - title: { ${card.lang}: ${q(card.link.title)} }`, `    url: ${q(card.link.url)}`] : ['more: []']),
    `sources: ${q(`Kohtaamo, trainer's own card (${today.toISOString().slice(0, 10)})`)}`,
  ];
  return { fileName: `${id}.yaml`, text: `${lines.join('\n')}\n` };
}
