/**
 * A knowledge check's answer before it is checked, kept for the tab's session (sessionStorage) so
 * that a reload, such as applying a new version, does not lose it. Checked answers live in
 * IndexedDB; a draft is only what the learner was in the middle of.
 */
import type { Question, Response } from './registry';
import { rulesOf } from './registry';

const keyOf = (scope: string, question: Question) => `kohtaamo.draft.${scope}.${question.id}`;

/** The draft kept for this question, if it is still a response the question can have. */
export function readDraft(scope: string, question: Question): Response | undefined {
  try {
    const text = sessionStorage.getItem(keyOf(scope, question));
    if (!text) return undefined;
    const response = JSON.parse(text) as Response;
    if (response?.type !== question.type) return undefined;
    // The compact encoding's reader is the type's check of untrusted input (the content may have changed).
    const rules = rulesOf(question.type);
    return rules.suspend.unpack(question, rules.suspend.pack(response)) ? response : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(scope: string, question: Question, response: Response): void {
  try {
    sessionStorage.setItem(keyOf(scope, question), JSON.stringify(response));
  } catch {
    // storage blocked or full: the draft lives only on the page
  }
}

export function clearDraft(scope: string, question: Question): void {
  try {
    sessionStorage.removeItem(keyOf(scope, question));
  } catch {
    // as above
  }
}
