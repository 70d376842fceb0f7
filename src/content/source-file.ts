/**
 * Reads an authored text file: UTF-8 only (a byte-order mark is accepted and dropped), and no
 * bigger than a content file needs to be. Anything else is a problem naming the file and line,
 * never mojibake or a silently huge page.
 */
import { readFileSync } from 'node:fs';
import type { ProblemList } from './problems.ts';
import { kB, MAX_SOURCE_FILE_BYTES } from './limits.ts';


export function readSourceFile(path: string, file: string, problems: ProblemList): string | null {
  const bytes = readFileSync(path);
  if (bytes.length > MAX_SOURCE_FILE_BYTES) {
    problems.add(file, 1, '(file)', `the file is ${kB(bytes.length)} kB; a content file may be at most ${kB(MAX_SOURCE_FILE_BYTES)} kB: split it into modules`);
    return null;
  }
  try {
    // The default (ignoreBOM: false) drops a leading UTF-8 byte-order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = firstInvalidLine(bytes);
    problems.add(file, line, '(file)', 'the file is not UTF-8 (a byte here is not valid UTF-8, as from a Windows-1252 or Latin-1 editor): save it as UTF-8');
    return null;
  }
}

function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, i));
    } catch {
      return line;
    }
    start = i + 1;
    line++;
  }
  return 1;
}
