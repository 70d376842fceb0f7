/**
 * Explores every play a game allows (scene and meter values together), to find scenes and endings
 * no play reaches, dead ends, and states from which no ending can be reached. Used by the validator.
 */
import type { CompiledGame } from '../content/game-schema';
import { applyEffects, availableOptions, nextScene, startMeters, type Meters } from './rules.ts';

export interface PlayProblem {
  scene: string;
  message: string;
}

const MAX_STATES = 200_000;
const key = (scene: string, meters: Meters) => `${scene}|${Object.values(meters).join(',')}`;
const describe = (meters: Meters) =>
  Object.entries(meters)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** Every state a play can reach, with the states it leads to. */
export function exploreStates(game: CompiledGame) {
  type State = { scene: string; meters: Meters; next: string[]; deadEnd?: string };
  const states = new Map<string, State>();
  // Breadth first; a state is marked when queued, so each is expanded once.
  const queue: State[] = [];
  const enqueue = (scene: string, meters: Meters): string => {
    const k = key(scene, meters);
    if (!states.has(k)) {
      const state: State = { scene, meters, next: [] };
      states.set(k, state);
      queue.push(state);
    }
    return k;
  };
  enqueue(game.start, startMeters(game));
  let truncated = false;
  for (let head = 0; head < queue.length; head++) {
    if (states.size > MAX_STATES) {
      truncated = true;
      break;
    }
    const entry = queue[head]!;
    const { meters } = entry;
    const scene = game.scenes[entry.scene];
    if (!scene || scene.type === 'ending') continue;
    const go = (to: string | null, after: Meters, why: string) => {
      if (to === null) entry.deadEnd = why;
      else entry.next.push(enqueue(to, after));
    };
    if (scene.type === 'choices') {
      const options = availableOptions(scene, meters);
      if (options.length === 0 && !scene.timeout) entry.deadEnd = `dead end: with ${describe(meters)} no option is available`;
      for (const o of options) {
        const after = applyEffects(game, meters, o.effects);
        go(nextScene(o.next, after), after, `dead end: after option "${o.id}" with ${describe(after)} no "next" branch matches`);
      }
      if (scene.timeout) go(scene.timeout, meters, '');
    } else {
      go(scene.next, meters, '');
    }
  }
  return { states, truncated };
}

export function analysePlays(game: CompiledGame): PlayProblem[] {
  const problems: PlayProblem[] = [];
  const { states, truncated } = exploreStates(game);
  if (truncated) return [{ scene: game.start, message: `the game allows more than ${MAX_STATES} different states; simplify the meters` }];
  const reached = new Set([...states.values()].map((s) => s.scene));
  for (const id of game.order) {
    if (!reached.has(id)) {
      problems.push({ scene: id, message: game.scenes[id]!.type === 'ending' ? 'no play reaches this ending' : 'no play reaches this scene' });
    }
  }
  const reported = new Set<string>();
  for (const s of states.values()) {
    if (s.deadEnd && !reported.has(s.scene)) {
      reported.add(s.scene);
      problems.push({ scene: s.scene, message: s.deadEnd });
    }
  }
  // From every reachable state some ending must stay reachable (no endless loops).
  const reverse = new Map<string, string[]>();
  for (const [k, s] of states) for (const n of s.next) (reverse.get(n) ?? reverse.set(n, []).get(n)!).push(k);
  const canFinish = new Set<string>();
  const work: string[] = [];
  for (const [k, s] of states) {
    if (game.scenes[s.scene]?.type === 'ending') {
      canFinish.add(k);
      work.push(k);
    }
  }
  while (work.length > 0) {
    for (const before of reverse.get(work.pop()!) ?? []) {
      if (!canFinish.has(before)) {
        canFinish.add(before);
        work.push(before);
      }
    }
  }
  for (const [k, s] of states) {
    if (!canFinish.has(k) && !s.deadEnd && !reported.has(s.scene)) {
      reported.add(s.scene);
      problems.push({ scene: s.scene, message: `from here (with ${describe(s.meters)}) no ending can be reached: the play loops for ever` });
    }
  }
  return problems;
}
