import { describe, it, expect } from 'vitest';
import { resultMark } from '../../src/report/marks.ts';

describe('result marks', () => {
  it('one glyph per meaning: agreement, difference, violation, abstention (never "!", which reads as an error)', () => {
    expect(['equal', 'holds', 'proven'].map(resultMark)).toEqual(['✓', '✓', '✓']);
    expect(resultMark('different')).toBe('≠');
    expect(resultMark('violated')).toBe('✗');
    expect(['unknown', 'timeout', 'error', 'not-proven'].map(resultMark)).toEqual(['?', '?', '?', '?']);
  });
});
