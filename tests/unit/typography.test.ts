import { describe, expect, it } from 'vitest';
import { noBreakCompounds, noBreakCompoundsHtml } from '../../src/course/typography';

describe('open compounds never break before the hyphen', () => {
  it('joins "Avoin demokratia -verkosto" with a no-break space', () => {
    expect(noBreakCompounds('Avoin demokratia -verkosto kokoontuu')).toBe('Avoin demokratia\u00a0-verkosto kokoontuu');
    expect(noBreakCompounds('Open Government Partnership -kumppanuus')).toBe('Open Government Partnership\u00a0-kumppanuus');
  });
  it('leaves dashes, minus signs and ranges alone', () => {
    expect(noBreakCompounds('2023 – 2027')).toBe('2023 – 2027');
    expect(noBreakCompounds('arvo on -5')).toBe('arvo on -5');
    expect(noBreakCompounds('a - b')).toBe('a - b');
  });
  it('touches text in HTML, not tags or attributes', () => {
    expect(noBreakCompoundsHtml('<a title="x -y" href="#">Avoin demokratia -verkosto</a>')).toBe('<a title="x -y" href="#">Avoin demokratia\u00a0-verkosto</a>');
  });
});
