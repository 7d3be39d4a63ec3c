import { describe, expect, it } from 'vitest';
import { PRINTED_IN_LIMITS, printedIn } from '../../src/briefing/present.js';
import type { Article } from '../../src/core/types.js';

/** Only what `printedIn` reads: id, group, publisher, title. */
const article = (id: string, groupId: string, publisher: string | null, title: string | null = null) => ({ id, groupId, publisher, title }) as unknown as Article;

describe('printedIn', () => {
  it('GIVEN a wire story run by two outlets and an independent report THEN one entry per report, wire copies together', () => {
    expect(printedIn([article('1', 'g1', 'Express & Star'), article('2', 'g2', 'Kyiv Independent'), article('3', 'g1', 'AP')])).toBe('Express & Star (also run by AP); Kyiv Independent');
  });

  it('GIVEN the same outlet twice in a report THEN it is named once; an outlet without a publisher is named by title, then id', () => {
    expect(printedIn([article('1', 'g1', 'AP'), article('2', 'g1', 'AP'), article('x9', 'g2', null, 'Troops sent'), article('x10', 'g3', null)])).toBe('AP; Troops sent; x10');
  });

  it('GIVEN a claim printed by 240 reports, one of them run by 30 outlets THEN the first reports and outlets are named and the rest counted', () => {
    const wire = Array.from({ length: 30 }, (_, i) => article(`w${i}`, 'wire', `Outlet ${i}`));
    const reports = Array.from({ length: 239 }, (_, i) => article(`r${i}`, `g${i}`, `Paper ${i}`));
    const text = printedIn([...wire, ...reports]);
    const others = PRINTED_IN_LIMITS.outlets;
    expect(text.startsWith(`Outlet 0 (also run by ${Array.from({ length: others }, (_, i) => `Outlet ${i + 1}`).join(', ')} and ${29 - others} more); Paper 0; `)).toBe(true);
    expect(text.endsWith(`; Paper ${PRINTED_IN_LIMITS.reports - 2}; and ${240 - PRINTED_IN_LIMITS.reports} more reports`)).toBe(true);
    expect(text.split('; ')).toHaveLength(PRINTED_IN_LIMITS.reports + 1);
  });
});
