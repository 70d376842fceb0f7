/**
 * Moodle's SCORM data model rules (mod/scorm/datamodels/scorm_12.js and scorm_13.js), one table per
 * version: every element the package may write, with the pattern, range or vocabulary Moodle checks
 * on SetValue, and the order Moodle requires (an interaction's id before its type, its type before
 * responses). Where Moodle's own pattern is looser than it means (its language-string patterns
 * match any text), the intended, stricter rule is used: being stricter than the LMS is harmless.
 *
 * The LMS link checks every value against this before sending it, and the tests wrap scorm-again
 * with it, because scorm-again accepts some values Moodle refuses. This module imports nothing, so
 * the browser tests can load it into the LMS page as it is.
 */
export type DataModelVersion = '1.2' | '2004';

interface Rule {
  /** The value must match this whole. */
  format: RegExp;
  /** Inclusive numeric range, checked after the format. */
  range?: [number, number];
  /** The longest string the element holds (for repair: clipping). */
  max?: number;
}

const string = (max: number): Rule => ({ format: new RegExp(`^[\\u0000-\\uFFFF]{0,${max}}$`), max });

// SCORM 1.2 (scorm_12.js)
const CMIDecimal12 = /^-?([0-9]{0,3})(\.[0-9]*)?$/;
const RULES_12: [RegExp, Rule][] = [
  [/^cmi\.core\.lesson_location$/, string(255)],
  [/^cmi\.core\.lesson_status$/, { format: /^(passed|completed|failed|incomplete|browsed)$/ }],
  [/^cmi\.core\.score\.(raw|min|max)$/, { format: CMIDecimal12, range: [0, 100] }],
  [/^cmi\.core\.exit$/, { format: /^(time-out|suspend|logout|)$/ }],
  [/^cmi\.core\.session_time$/, { format: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/ }],
  // CMIString4096: Moodle's "SCORM standards mode" refuses more, other LMSs cut it.
  [/^cmi\.suspend_data$/, string(4096)],
  [/^cmi\.comments$/, string(4096)],
  [/^cmi\.student_preference\.language$/, string(255)],
  [/^cmi\.(interactions\.\d+\.|objectives\.\d+\.|interactions\.\d+\.objectives\.\d+\.)id$/, { format: /^[\u0021-\u007E]{0,255}$/, max: 255 }],
  [/^cmi\.interactions\.\d+\.type$/, { format: /^(true-false|choice|fill-in|matching|performance|sequencing|likert|numeric)$/ }],
  [/^cmi\.interactions\.\d+\.time$/, { format: /^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$/ }],
  [/^cmi\.interactions\.\d+\.latency$/, { format: /^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$/ }],
  [/^cmi\.interactions\.\d+\.weighting$/, { format: CMIDecimal12, range: [-100, 100] }],
  // CMIFeedback is CMIString256 in Moodle's 1.2 model: at most 255 characters.
  [/^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/, string(255)],
  [/^cmi\.interactions\.\d+\.result$/, { format: /^(correct|wrong|unanticipated|neutral|([0-9]{0,3})?(\.[0-9]*)?)$/ }],
  [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, { format: CMIDecimal12, range: [0, 100] }],
  [/^cmi\.objectives\.\d+\.status$/, { format: /^(passed|completed|failed|incomplete|browsed|not attempted)$/ }],
];

// SCORM 2004 (scorm_13.js)
const CMIDecimal2004 = /^-?([0-9]{1,5})(\.[0-9]{1,18})?$/;
/** time(second,10,0): Moodle allows the years 1970–2038 only. */
const CMITime2004 =
  /^(19[7-9][0-9]|20[0-2][0-9]|203[0-8])((-(0[1-9]|1[0-2]))((-(0[1-9]|[1-2][0-9]|3[0-1]))(T([0-1][0-9]|2[0-3])((:[0-5][0-9])((:[0-5][0-9])((\.[0-9]{1,2})((Z|([+|-]([0-1][0-9]|2[0-3])))(:[0-5][0-9])?)?)?)?)?)?)?)?$/;
const CMITimespan2004 = /^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)|((\d+(\.\d{1,2})?S))))?$/;
const CMILongIdentifier = /^(?:(?!urn:)\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\S{1,4000})$/;
const RULES_2004: [RegExp, Rule][] = [
  [/^cmi\.location$/, string(1000)],
  [/^cmi\.completion_status$/, { format: /^(completed|incomplete|not attempted|unknown)$/ }],
  [/^cmi\.success_status$/, { format: /^(passed|failed|unknown)$/ }],
  [/^cmi\.score\.scaled$/, { format: CMIDecimal2004, range: [-1, 1] }],
  [/^cmi\.score\.(raw|min|max)$/, { format: CMIDecimal2004 }],
  [/^cmi\.progress_measure$/, { format: CMIDecimal2004, range: [0, 1] }],
  [/^cmi\.exit$/, { format: /^(time-out|suspend|logout|normal|)$/ }],
  [/^cmi\.session_time$/, { format: CMITimespan2004 }],
  [/^cmi\.suspend_data$/, string(64000)],
  [/^cmi\.learner_preference\.language$/, { format: /^(([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?|)$/ }],
  [/^cmi\.(interactions\.\d+\.|objectives\.\d+\.|interactions\.\d+\.objectives\.\d+\.)id$/, { format: CMILongIdentifier, max: 4000 }],
  [/^cmi\.interactions\.\d+\.type$/, { format: /^(true-false|choice|fill-in|long-fill-in|matching|performance|sequencing|likert|numeric|other)$/ }],
  [/^cmi\.interactions\.\d+\.timestamp$/, { format: CMITime2004 }],
  [/^cmi\.interactions\.\d+\.latency$/, { format: CMITimespan2004 }],
  [/^cmi\.interactions\.\d+\.weighting$/, { format: CMIDecimal2004 }],
  [/^cmi\.interactions\.\d+\.description$/, { format: /^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?([^{\n][^\n]{0,249})?$/, max: 250 }],
  [/^cmi\.interactions\.\d+\.result$/, { format: /^(correct|incorrect|unanticipated|neutral|-?([0-9]{1,4})(\.[0-9]{1,18})?)$/ }],
  // Responses are checked by the interaction's type (below); this only bounds their length.
  [/^cmi\.interactions\.\d+\.(learner_response|correct_responses\.\d+\.pattern)$/, string(4000)],
  [/^cmi\.objectives\.\d+\.(success_status)$/, { format: /^(passed|failed|unknown)$/ }],
  [/^cmi\.objectives\.\d+\.(completion_status)$/, { format: /^(completed|incomplete|not attempted|unknown)$/ }],
];

/** Moodle 2004's rules for a response (learner_response and correct pattern) by interaction type. */
const shortId = /^[\w.-]{1,250}$/;
const RESPONSES_2004: Record<string, { item: RegExp; pair?: RegExp; max: number; unique?: boolean }> = {
  'true-false': { item: /^(true|false)$/, max: 1 },
  choice: { item: shortId, max: 36, unique: true },
  // A localized string: an optional {lang=..} tag, then text that does not start with "{".
  'fill-in': { item: /^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?([^{\n][^\n]{0,249})?$/, max: 10 },
  'long-fill-in': { item: /^(\{lang=([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9-]{2,8})?\})?([^{\n][^\n]{0,3999})?$/, max: 1 },
  matching: { item: shortId, pair: shortId, max: 36 },
  sequencing: { item: shortId, max: 36 },
  likert: { item: shortId, max: 1 },
  numeric: { item: CMIDecimal2004, max: 2 },
  other: { item: /^[\u0000-\uFFFF]{0,4000}$/, max: 1 },
};

function ruleFor(version: DataModelVersion, element: string): Rule | undefined {
  return (version === '1.2' ? RULES_12 : RULES_2004).find(([pattern]) => pattern.test(element))?.[1];
}

/** Why Moodle would refuse this value for this element, or null when it accepts it (no state). */
export function checkValue(version: DataModelVersion, element: string, value: string): string | null {
  const rule = ruleFor(version, element);
  if (!rule) return `${element} is not an element the package may write`;
  if (!rule.format.test(value)) return `${element}: "${preview(value)}" does not match ${rule.max !== undefined && value.length > rule.max ? `the ${rule.max}-character limit` : 'its format'}`;
  if (rule.range) {
    const number = Number(value);
    if (!Number.isFinite(number) || number < rule.range[0] || number > rule.range[1]) return `${element}: ${value} is outside ${rule.range[0]}–${rule.range[1]}`;
  }
  return null;
}

/** Why Moodle would refuse this 2004 response for an interaction of this type, or null. */
export function checkResponse2004(type: string, value: string): string | null {
  const rule = RESPONSES_2004[type];
  if (!rule) return null; // performance: not written by the package
  const items = rule.max === 1 ? [value] : value.split('[,]');
  if (items.length > rule.max) return `a ${type} response has at most ${rule.max} parts`;
  if (rule.unique && new Set(items).size !== items.length) return `a ${type} response repeats a part`;
  for (const item of items) {
    if (rule.pair) {
      const [left, right, extra] = item.split('[.]');
      if (extra !== undefined || !left || !right || !rule.item.test(left) || !rule.pair.test(right)) return `"${preview(item)}" is not a ${type} pair`;
    } else if (!rule.item.test(item)) {
      return `"${preview(item)}" is not a valid ${type} response`;
    }
  }
  return null;
}

/**
 * Moodle's runtime as a whole: the per-element rules plus the order it requires. Interactions are
 * written in sequence (index n may be at most the count so far), and an interaction's id comes
 * before the rest, its type before its responses (2004 error 408 otherwise).
 */
export class MoodleDataModel {
  private readonly interactions: { id: boolean; type: string }[] = [];

  /** @param interactionsSoFar interactions the LMS already holds (written in earlier sessions) */
  constructor(
    readonly version: DataModelVersion,
    interactionsSoFar = 0,
  ) {
    for (let i = 0; i < interactionsSoFar; i++) this.interactions.push({ id: true, type: '' });
  }

  /** Why Moodle would refuse this SetValue now, or null when it would accept (and remember) it. */
  check(element: string, value: string): string | null {
    const wrong = checkValue(this.version, element, value);
    if (wrong) return wrong;
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
    if (!match) return null;
    const index = Number(match[1]);
    const field = match[2]!;
    if (index > this.interactions.length) return `${element}: interaction ${index} skips ahead of the count ${this.interactions.length}`;
    const record = this.interactions[index] ?? { id: false, type: '' };
    if (field === 'id') {
      record.id = true;
    } else if (this.version === '2004') {
      if (!record.id) return `${element}: the interaction's id must be set first (408)`;
      if (field === 'type') record.type = value;
      else if (/^(learner_response|correct_responses\.\d+\.pattern)$/.test(field)) {
        if (!record.type) return `${element}: the interaction's type must be set first (408)`;
        const response = checkResponse2004(record.type, value);
        if (response) return `${element}: ${response}`;
      }
    } else if (field === 'type') {
      record.type = value;
    }
    this.interactions[index] = record;
    return null;
  }
}

/** How a value may be made acceptable: cut to the element's length, or a number brought into range. */
export function limitsOf(version: DataModelVersion, element: string): { max?: number; range?: [number, number]; decimal: boolean } {
  const rule = ruleFor(version, element);
  return { max: rule?.max, range: rule?.range, decimal: rule?.format === CMIDecimal12 || rule?.format === CMIDecimal2004 };
}

function preview(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
