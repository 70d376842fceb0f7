/** The checker's text, kept in this browser only when the learner asks (localStorage). */
const KEY = 'kohtaamo.checker.text';

export function keptText(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage blocked: nothing kept
  }
}

export function keepText(text: string): void {
  try {
    localStorage.setItem(KEY, text);
  } catch {
    // not kept (storage blocked or full); the text stays on the screen
  }
}

export function forgetText(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}
