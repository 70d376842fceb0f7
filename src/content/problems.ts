/** A problem found in authored content, reported as `file:line: field: message`. */
export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field || '(file)'}: ${p.message}`;
}

/** Collects problems for one file, so checks need not repeat the file name. */
export class ProblemList {
  readonly items: Problem[] = [];
  add(file: string, line: number, field: string, message: string): void {
    this.items.push({ file, line, field, message });
  }
}
