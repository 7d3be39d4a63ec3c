import { describe, expect, it } from 'vitest';
import { answer, dedupeSources, lazySection, replyStatements, sectionSize, sectionSlice, statement, UnsourcedStatementError } from '../../src/core/reply.js';
import type { SourceRef } from '../../src/core/types.js';

const ref = (article: string, start: number, end: number): SourceRef => ({ article, quote: `passage ${start}-${end}`, start, end, publisher: null, title: null, url: null, date: null });

describe('dedupeSources', () => {
  it('GIVEN the same passage of an article twice THEN it is kept once, first occurrence, order kept; other passages of the article stay', () => {
    const list = [ref('a', 0, 10), ref('b', 0, 10), ref('a', 0, 10), ref('a', 20, 30), ref('c', 5, 9), ref('a', 20, 30), ref('b', 0, 11), ref('b', 0, 10)];
    expect(dedupeSources(list)).toEqual([ref('a', 0, 10), ref('b', 0, 10), ref('a', 20, 30), ref('c', 5, 9), ref('b', 0, 11)]);
  });

  it('GIVEN 3,000 wire copies each cited twice THEN 3,000 sources', () => {
    const list = Array.from({ length: 6000 }, (_, i) => ref(`w${i % 3000}`, 0, 40));
    expect(dedupeSources(list).map((s) => s.article)).toEqual(Array.from({ length: 3000 }, (_, i) => `w${i}`));
  });
});

describe('lazy sections and answers', () => {
  it('GIVEN a lazy section of 1,000,000 statements THEN a slice builds only its range, and the size is known without building', () => {
    const built: number[] = [];
    const section = lazySection(1_000_000, (i) => (built.push(i), statement(`statement ${i}`, [ref('a', i, i + 1)])), 'Big');
    expect(sectionSize(section)).toBe(1_000_000);
    expect(built).toEqual([]);
    expect(sectionSlice(section, 999_998, 1_000_005).map((s) => s.text)).toEqual(['statement 999998', 'statement 999999']);
    expect(built).toEqual([999_998, 999_999]);
  });

  it('GIVEN a lazy section whose builder has no sources THEN building that statement throws: no unsourced statement can be shown', () => {
    const section = lazySection(3, (i) => statement(`statement ${i}`, i === 1 ? [] : [ref('a', 0, 1)]));
    expect(sectionSlice(section, 0, 1)).toHaveLength(1);
    expect(() => sectionSlice(section, 0, 2)).toThrow(UnsourcedStatementError);
  });

  it('GIVEN data given as a function THEN it is built each time it is read, and serialises like plain data', () => {
    let reads = 0;
    const reply = answer('quotes', 'Quotes', { sections: [lazySection(2, (i) => statement(`q${i}`, [ref('a', i, i + 1)]))], data: () => ({ quotes: ++reads }) });
    expect(reads).toBe(0);
    expect(JSON.parse(JSON.stringify(reply))).toMatchObject({ kind: 'answer', data: { quotes: 1 } });
    expect(reply.data).toEqual({ quotes: 2 });
    expect(replyStatements(reply).map((s) => s.text)).toEqual(['q0', 'q1']);
  });
});
