/**
 * Whether a stored game play can be resumed: its scenes exist in the game and the workshop state
 * has the shape the views rely on. Data written by an older build, an import from before the import
 * checked it, or a hand-edited database must not break the game view (issue 14). No zod here: the
 * game view loads this.
 */
const PHASES = new Set(['setup', 'play', 'reveal', 'debrief', 'results']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The first thing wrong with a stored play, as `field: problem`; null when it can be resumed. */
export function storedPlayProblem(stored: unknown, scenes: ReadonlySet<string>): string | null {
  if (stored === null || stored === undefined) return null; // a play never moved: starts at the beginning
  if (!isObject(stored) || !isObject(stored.machine)) return 'machine: missing';
  const { value, context } = stored.machine;
  if (typeof value !== 'string' || !scenes.has(value)) return `machine.value: scene "${String(value)}" does not exist`;
  if (!isObject(context) || !isObject(context.meters) || !Object.values(context.meters).every(isNumber)) return 'machine.context.meters: not a set of numbers';
  if (!isNumber(context.points)) return 'machine.context.points: not a number';
  if (!Array.isArray(context.path)) return 'machine.context.path: not a list';
  const wrongStep = context.path.find((p) => !isObject(p) || typeof p.scene !== 'string' || !scenes.has(p.scene));
  if (wrongStep !== undefined) return `machine.context.path: scene "${String(isObject(wrongStep) ? wrongStep.scene : wrongStep)}" does not exist`;
  const w = stored.workshop;
  if (w === undefined) return null;
  if (!isObject(w)) return 'workshop: not an object';
  if (typeof w.phase !== 'string' || !PHASES.has(w.phase)) return `workshop.phase: "${String(w.phase)}" is not a phase`;
  if (!Array.isArray(w.teams) || !w.teams.every((t) => isObject(t) && typeof t.id === 'string' && typeof t.name === 'string' && isNumber(t.score))) {
    return 'workshop.teams: not a list of teams';
  }
  if (!isObject(w.choices) || !isObject(w.tally) || !isObject(w.notes)) return 'workshop: choices, tally or notes missing';
  if (!isObject(w.timer) || !isNumber(w.timer.remainingMs)) return 'workshop.timer: not a timer';
  if (!Array.isArray(w.actions)) return 'workshop.actions: not a list';
  if (!Array.isArray(w.log) || !w.log.every((r) => isObject(r) && typeof r.scene === 'string' && scenes.has(r.scene))) return 'workshop.log: a round names a scene that does not exist';
  return null;
}
