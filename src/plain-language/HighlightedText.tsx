/**
 * The checked text with its hints marked in place: long sentences underlined, other hints
 * highlighted, each numbered like the list of hints below it (the marks are not colour alone).
 */
import { t } from '../i18n';
import type { CheckResult } from './check.ts';
import './checker.css';

interface Piece {
  text: string;
  sentence: boolean;
  marked: boolean;
  /** Numbers of the hints that start here. */
  starts: number[];
}

export function HighlightedText({ result }: { result: CheckResult }) {
  const pieces = piecesOf(result.text, result);
  return (
    <div class="checker-text" lang={result.lang} aria-label={t('checker.inText')}>
      {pieces.map((piece, i) => {
        const numbers = piece.starts.map((n) => (
          <sup key={n} class="checker-number">
            {n}
          </sup>
        ));
        const inner = piece.marked ? <mark>{piece.text}</mark> : piece.text;
        return (
          <span key={i} class={piece.sentence ? 'checker-long' : undefined}>
            {numbers}
            {inner}
          </span>
        );
      })}
    </div>
  );
}

function piecesOf(text: string, result: CheckResult): Piece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const h of result.hints) {
    cuts.add(Math.min(h.start, text.length));
    cuts.add(Math.min(h.end, text.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    const to = points[k + 1]!;
    const covering = result.hints.filter((h) => h.start <= from && h.end >= to);
    pieces.push({
      text: text.slice(from, to),
      sentence: covering.some((h) => h.rule === 'long-sentence'),
      marked: covering.some((h) => h.rule !== 'long-sentence'),
      starts: result.hints.flatMap((h, i) => (h.start === from ? [i + 1] : [])),
    });
  }
  return pieces;
}
