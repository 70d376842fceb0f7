/** Key points never sit right below the knowledge check they would give away. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/content/schema';
import { displayOrder } from '../../src/course/blocks/order';

const text = (html: string): Block => ({ type: 'text', html });
const quiz = (id: string): Block => ({ type: 'quiz', questions: [id] });
const keys = (p: string): Block => ({ type: 'keypoints', points: [p] });

describe('displayOrder', () => {
  it('moves key points that follow a check above it', () => {
    expect(displayOrder([text('a'), quiz('q'), keys('k')])).toEqual([text('a'), keys('k'), quiz('q')]);
  });
  it('keeps a check before later text, and key points before a check where they were', () => {
    expect(displayOrder([keys('k'), quiz('q'), text('b')])).toEqual([keys('k'), quiz('q'), text('b')]);
    expect(displayOrder([quiz('q1'), text('b'), keys('k'), quiz('q2')])).toEqual([quiz('q1'), text('b'), keys('k'), quiz('q2')]);
  });
  it('handles two checks in a row followed by key points', () => {
    expect(displayOrder([quiz('q1'), quiz('q2'), keys('k')])).toEqual([keys('k'), quiz('q1'), quiz('q2')]);
  });
  it('loses and duplicates nothing', () => {
    const blocks = [text('a'), quiz('q1'), keys('k1'), keys('k2'), text('b'), quiz('q2')];
    const shown = displayOrder(blocks);
    expect(shown).toHaveLength(blocks.length);
    expect(new Set(shown)).toEqual(new Set(blocks));
  });
});
