import { buildContent } from './src/content/build-content.ts';
import { plainText } from './src/content/item-quality/text.ts';
const b = buildContent('.', [process.argv[2]!]);
const g = b.games[0]!;
for (const s of Object.values(g.compiled.fi!.scenes)) if (s.type==='choices') {
  console.log(`## ${s.id}`);
  for (const o of s.options) for (const l of ['fi','sv','en'] as const) {
    const so = (g.compiled[l]!.scenes[s.id] as any).options.find((x:any)=>x.id===o.id);
    const t = plainText(so.html);
    console.log(`${o.id} ${l} p${o.points} ${t.length}: ${t}`);
  }
}
