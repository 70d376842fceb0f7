/** Reads one game folder, checks it as a whole (including every play it allows) and compiles it. */
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gameMetaSchema, parseCondition, sceneBlockSchemas, scenesHeaderSchema, type CompiledGame, type GameMeta, type Scene, type SceneKind } from './game-schema.ts';
import { markdown, renderBlock, renderInline, sanitize } from './markdown.ts';
import type { ProblemList } from './problems.ts';
import { LANGUAGES, type CatalogueEntry, type Lang } from './schema.ts';
import { check, lineOf, parseYaml, type YamlSource } from './yaml-source.ts';
import { reportBodyMarkup } from './raw-markup.ts';
import { readSourceFile } from './source-file.ts';
import { kB, MAX_GAME_BYTES, sizeOf } from './limits.ts';
import { analysePlays } from '../game/analysis.ts';
import type { PracticeLibrary } from './practice-compiler.ts';

export interface GameBuild {
  meta: GameMeta;
  languages: Lang[];
  compiled: Partial<Record<Lang, CompiledGame>>;
  catalogue: CatalogueEntry;
}

const HEADING = /^(.*?)\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/;

export function compileGame(root: string, dir: string, problems: ProblemList, practices?: PracticeLibrary): GameBuild | null {
  const rel = (path: string) => relative(root, path);
  const metaFile = join(dir, 'game.yaml');
  if (!existsSync(metaFile)) {
    problems.add(rel(dir), 1, '(game)', 'a game folder needs a game.yaml');
    return null;
  }
  const metaText = readSourceFile(metaFile, rel(metaFile), problems);
  const metaSrc = metaText === null ? null : parseYaml(rel(metaFile), metaText, 1, problems);
  const meta = metaSrc && check(gameMetaSchema, metaSrc, [], '', problems);
  if (!metaSrc || !meta) return null;
  const folder = dir.split(/[\\/]/).pop();
  if (meta.id !== folder) problems.add(metaSrc.file, lineOf(metaSrc, ['id']), 'id', `must equal the folder name "${folder}"`);
  meta.meters.forEach((m, i) => {
    const line = lineOf(metaSrc, ['meters', i]);
    if (m.min >= m.max) problems.add(metaSrc.file, line, `meters[${i + 1}] (${m.id})`, `min ${m.min} must be below max ${m.max}`);
    if (m.start < m.min || m.start > m.max) problems.add(metaSrc.file, line, `meters[${i + 1}] (${m.id}).start`, `${m.start} is outside the range ${m.min}..${m.max}`);
  });

  const languages = LANGUAGES.filter((l) => existsSync(join(dir, l, 'scenes.md')) && statSync(join(dir, l)).isDirectory());
  if (languages.length === 0) {
    problems.add(metaSrc.file, 1, '(game)', 'no language folder (fi, sv or en) with scenes.md');
    return null;
  }
  const compiled: Partial<Record<Lang, CompiledGame>> = {};
  const lines: Partial<Record<Lang, Record<string, number>>> = {};
  for (const lang of languages) {
    for (const key of ['title', 'description'] as const) {
      if (!meta[key][lang]) problems.add(metaSrc.file, lineOf(metaSrc, [key]), `${key}.${lang}`, `missing, though the game has a "${lang}" folder`);
    }
    const file = rel(join(dir, lang, 'scenes.md'));
    const text = readSourceFile(join(dir, lang, 'scenes.md'), file, problems);
    const parsed = text === null ? null : parseScenes(file, text, meta, problems);
    if (!parsed) continue;
    lines[lang] = parsed.lines;
    const game: CompiledGame = {
      kind: 'game',
      id: meta.id,
      version: meta.version,
      lang,
      title: meta.title[lang] ?? '',
      description: meta.description[lang] ?? '',
      minutes: meta.minutes,
      modes: meta.modes,
      scoring: meta.scoring,
      passMark: meta.passMark,
      start: meta.start,
      meters: meta.meters.map((m) => ({ ...m, name: parsed.meterNames[m.id] ?? m.id })),
      scenes: parsed.scenes,
      order: Object.keys(parsed.scenes),
    };
    for (const scene of Object.values(game.scenes)) {
      if (scene.type !== 'ending') continue;
      scene.practices = scene.practices.flatMap((placeholder) => {
        const card = practices?.cards[lang].find((c) => c.id === placeholder.id);
        if (!card) problems.add(file, parsed.lines[`${scene.id}/practices`] ?? 1, `scene ${scene.id} practices`, `unknown good-practice card "${placeholder.id}" (or none in "${lang}")`);
        return card ? [card] : [];
      });
    }
    if (checkReferences(game, file, parsed.lines, metaSrc, problems)) {
      for (const p of analysePlays(game)) problems.add(file, parsed.lines[p.scene] ?? 1, `scene ${p.scene}`, p.message);
    }
    const size = sizeOf(game);
    if (size > MAX_GAME_BYTES) {
      problems.add(file, 1, '(size)', `the ${lang} game is ${kB(size)} kB; a game may be at most ${kB(MAX_GAME_BYTES)} kB per language`);
    }
    compiled[lang] = game;
  }
  checkTranslationsAgree(root, dir, languages, compiled, lines, problems);
  const first = compiled[languages[0]!];
  if (!first) return null;
  return {
    meta,
    languages,
    compiled,
    catalogue: {
      kind: 'game',
      id: meta.id,
      version: meta.version,
      languages,
      title: meta.title,
      description: meta.description,
      minutes: meta.minutes,
      pageIds: [],
      hasFinalTest: false,
      modes: meta.modes,
    },
  };
}

function parseScenes(file: string, text: string, meta: GameMeta, problems: ProblemList) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!front) {
    problems.add(file, 1, '(header)', 'scenes.md must start with a YAML header between --- lines (meters: names)');
    return null;
  }
  const headerSrc = parseYaml(file, front[1] ?? '', 2, problems);
  const header = headerSrc && check(scenesHeaderSchema, headerSrc, [], '', problems);
  if (!header) return null;
  for (const m of meta.meters) if (!header.meters[m.id]) problems.add(file, 2, `meters.${m.id}`, 'the meter needs a name in this language');
  const bodyStart = front[0].split('\n').length;
  reportBodyMarkup(file, text.slice(front[0].length), bodyStart, problems);
  const tokens = markdown.parse(text.slice(front[0].length), {});
  const scenes: Record<string, Scene> = {};
  const lines: Record<string, number> = {};
  let current: { id: string; title: string; line: number; text: typeof tokens; block?: Scene } | null = null;

  const finish = () => {
    if (!current) return;
    if (!current.block) problems.add(file, current.line, `scene ${current.id}`, 'a scene needs one block: choices, review, discussion or ending');
    else scenes[current.id] = { ...current.block, html: sanitize(markdown.renderer.render(current.text, markdown.options, {})) };
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const line = bodyStart + (token.map?.[0] ?? 0);
    if (token.type === 'heading_open' && token.tag === 'h1') {
      finish();
      const match = HEADING.exec(tokens[i + 1]?.content ?? '');
      i += 2;
      if (!match?.[1]) {
        problems.add(file, line, 'scene', 'a scene heading needs a title and an id, like "# Title {#scene-id}"');
        current = null;
        continue;
      }
      if (lines[match[2]!]) problems.add(file, line, `scene ${match[2]}`, `duplicate scene id (first on line ${lines[match[2]!]})`);
      lines[match[2]!] = line;
      current = { id: match[2]!, title: match[1], line, text: [] };
      continue;
    }
    if (!current) {
      if (token.type !== 'softbreak') problems.add(file, line, 'scene', 'text before the first scene heading');
      continue;
    }
    if (token.type === 'fence' && token.info.trim()) {
      const kind = token.info.trim().split(/\s+/)[0]!;
      if (!(kind in sceneBlockSchemas)) {
        problems.add(file, line, 'block', `unknown block "${kind}"; use one of ${Object.keys(sceneBlockSchemas).join(', ')}`);
        continue;
      }
      if (current.block) {
        problems.add(file, line, `scene ${current.id}`, 'a scene has only one block');
        continue;
      }
      const src = parseYaml(file, token.content, line + 1, problems);
      const block = src && compileBlock(kind as SceneKind, src, current, problems, lines);
      if (block) current.block = block;
      continue;
    }
    current.text.push(token);
  }
  finish();
  return { scenes, lines, meterNames: header.meters };
}

/** `lines` gets the line of each option (`scene/option`) and of the block (`scene/block`). */
function compileBlock(kind: SceneKind, src: YamlSource, scene: { id: string; title: string }, problems: ProblemList, lines: Record<string, number>): Scene | null {
  lines[`${scene.id}/block`] = src.firstLine;
  const base = { id: scene.id, title: scene.title, html: '' };
  switch (kind) {
    case 'choices': {
      const b = check(sceneBlockSchemas.choices, src, [], 'choices', problems);
      if (!b) return null;
      const ids = new Set<string>();
      b.options.forEach((o, i) => {
        lines[`${scene.id}/${o.id}`] = lineOf(src, ['options', i]);
        if (ids.has(o.id)) problems.add(src.file, lineOf(src, ['options', i, 'id']), `options[${i + 1}].id`, `duplicate option id "${o.id}"`);
        ids.add(o.id);
      });
      return {
        ...base,
        type: 'choices',
        round: b.round,
        timer: b.timer,
        timeout: b.timeout,
        options: b.options.map((o) => ({
          id: o.id,
          html: renderInline(o.text),
          feedback: renderBlock(o.feedback),
          effects: o.effects,
          points: o.points,
          if: parseCondition(o.if),
          next: typeof o.next === 'string' ? [{ if: [], to: o.next }] : o.next.map((n) => ({ if: parseCondition(n.if), to: n.to })),
        })),
      };
    }
    case 'review': {
      const b = check(sceneBlockSchemas.review, src, [], 'review', problems);
      return b && { ...base, type: 'review', meters: b.meters, green: b.green, yellow: b.yellow, next: b.next };
    }
    case 'discussion': {
      const b = check(sceneBlockSchemas.discussion, src, [], 'discussion', problems);
      return b && { ...base, type: 'discussion', prompts: b.prompts.map(renderInline), next: b.next };
    }
    case 'ending': {
      const b = check(sceneBlockSchemas.ending, src, [], 'ending', problems);
      if (!b) return null;
      // Card ids are resolved against the library once the language is known (see compileGame).
      lines[`${scene.id}/practices`] = lineOf(src, ['practices']);
      return {
        ...base,
        type: 'ending',
        score: b.score,
        what: renderBlock(b.what),
        why: renderBlock(b.why),
        apply: renderBlock(b.apply),
        practices: b.practices.map((ref) => ({ id: ref, theme: 'participation', title: '', what: '', achieved: '', next: '', more: [] })),
      };
    }
  }
}

/** Unknown scenes and meters, values outside a meter's range. True when the game can be analysed. */
function checkReferences(game: CompiledGame, file: string, lines: Record<string, number>, metaSrc: YamlSource, problems: ProblemList): boolean {
  let ok = true;
  const ranges = new Map(game.meters.map((m) => [m.id, m]));
  const report = (scene: string, field: string, message: string) => {
    ok = false;
    const option = /^option ([a-z0-9-]+)/.exec(field)?.[1];
    const line = (option && lines[`${scene}/${option}`]) || lines[`${scene}/block`] || lines[scene] || 1;
    problems.add(file, line, `scene ${scene}${field ? ` ${field}` : ''}`, message);
  };
  const target = (scene: string, field: string, to: string) => {
    if (!game.scenes[to]) report(scene, field, `unknown scene "${to}"`);
  };
  const meter = (scene: string, field: string, id: string, value?: number) => {
    const def = ranges.get(id);
    if (!def) report(scene, field, `unknown meter "${id}"`);
    else if (value !== undefined && (value < def.min || value > def.max)) report(scene, field, `${value} is outside the range of ${id} (${def.min}..${def.max})`);
  };
  if (!game.scenes[game.start]) {
    ok = false;
    problems.add(metaSrc.file, lineOf(metaSrc, ['start']), 'start', `unknown scene "${game.start}"`);
  }
  for (const scene of Object.values(game.scenes)) {
    if (scene.type === 'choices') {
      if (scene.timeout) target(scene.id, 'timeout', scene.timeout);
      if (scene.timeout && !scene.timer) report(scene.id, 'timeout', 'a timeout needs a timer');
      for (const o of scene.options) {
        for (const [id, change] of Object.entries(o.effects)) {
          meter(scene.id, `option ${o.id} effects`, id);
          const def = ranges.get(id);
          if (def && Math.abs(change) > def.max - def.min) report(scene.id, `option ${o.id} effects`, `${change} is larger than the whole range of ${id}`);
        }
        for (const c of o.if) meter(scene.id, `option ${o.id} if`, c.meter, c.value);
        for (const b of o.next) {
          target(scene.id, `option ${o.id} next`, b.to);
          for (const c of b.if) meter(scene.id, `option ${o.id} next`, c.meter, c.value);
        }
      }
    } else if (scene.type === 'review') {
      target(scene.id, 'next', scene.next);
      for (const m of scene.meters) {
        meter(scene.id, 'meters', m, scene.green);
        meter(scene.id, 'meters', m, scene.yellow);
      }
    } else if (scene.type === 'discussion') {
      target(scene.id, 'next', scene.next);
    } else if (game.scoring === 'endings' && scene.score === undefined) {
      report(scene.id, 'score', 'every ending needs a score when the game is scored by endings');
    }
  }
  return ok;
}

/** Every language must have the same scenes and the same rules; only the words differ. */
function checkTranslationsAgree(
  root: string,
  dir: string,
  languages: Lang[],
  compiled: Partial<Record<Lang, CompiledGame>>,
  lines: Partial<Record<Lang, Record<string, number>>>,
  problems: ProblemList,
) {
  const [baseLang, ...others] = languages;
  const base = baseLang && compiled[baseLang];
  if (!base) return;
  const rules = (s: Scene): string => {
    const { title: _t, html: _h, ...rest } = s.type === 'ending' ? { ...s, practices: s.practices.map((c) => c.id) } : s;
    return JSON.stringify(rest, (key, value) => (['html', 'feedback', 'what', 'why', 'apply', 'prompts'].includes(key) ? undefined : value));
  };
  for (const lang of others) {
    const other = compiled[lang];
    if (!other) continue;
    const file = relative(root, join(dir, lang, 'scenes.md'));
    for (const [id, scene] of Object.entries(base.scenes)) {
      const twin = other.scenes[id];
      if (!twin) problems.add(file, 1, `scene ${id}`, `missing; it exists in ${baseLang}`);
      else if (rules(twin) !== rules(scene)) problems.add(file, lines[lang]?.[id] ?? 1, `scene ${id}`, `options, effects or targets differ from ${baseLang}`);
    }
    for (const id of Object.keys(other.scenes)) {
      if (!base.scenes[id]) problems.add(file, lines[lang]?.[id] ?? 1, `scene ${id}`, `not in ${baseLang}; every language needs the same scenes`);
    }
  }
}
