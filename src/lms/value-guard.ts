/**
 * Every value is checked against Moodle's data model before it is sent (see moodle-datamodel.ts).
 * A value Moodle would refuse is made acceptable where that keeps its meaning (text cut to the
 * element's length, a number brought into its range) and otherwise not sent at all: an LMS that
 * refuses a value logs an error for each try, and a refused value is never stored anyway.
 */
import { limitsOf, MoodleDataModel } from './moodle-datamodel';
import { clip, realNumber, type ScormVersion } from './formats';

export type Guarded = { value: string; note?: string } | { refused: string };

export class ValueGuard {
  private readonly model: MoodleDataModel;

  /** @param interactionsSoFar interactions the LMS already holds: new ones continue from there */
  constructor(
    readonly version: ScormVersion,
    interactionsSoFar = 0,
  ) {
    this.model = new MoodleDataModel(version, interactionsSoFar);
  }

  check(element: string, value: string): Guarded {
    const wrong = this.model.check(element, value);
    if (!wrong) return { value };
    // Suspend data cut short is corrupt data: it is made to fit where it is encoded, never here.
    if (/suspend_data$/.test(element)) return { refused: wrong };
    const { max, range, decimal } = limitsOf(this.version, element);
    let repaired: string | undefined;
    if (decimal) repaired = realNumber(Number(value), range?.[0] ?? -99999, range?.[1] ?? 99999);
    else if (max !== undefined && value.length > max) repaired = clip(value, max);
    if (repaired === undefined || repaired === value || this.model.check(element, repaired)) return { refused: wrong };
    return { value: repaired, note: wrong };
  }
}
