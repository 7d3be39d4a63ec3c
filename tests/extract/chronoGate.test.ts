import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ParsedResult } from 'chrono-node';
import { calendarParseAll, calendarParseGated } from '../../src/extract/dates.js';
import { splitSentences } from '../../src/extract/sentences.js';
import { cleanArticleText } from '../../src/corpus/clean.js';
import { CRISIS, HELDOUT, SEEDS } from '../helpers.js';

const COMPONENTS = ['year', 'month', 'day', 'weekday', 'hour'] as const;
const view = (rs: ParsedResult[]) =>
  rs.map((r) => ({ index: r.index, text: r.text, start: COMPONENTS.map((c) => [c, r.start.isCertain(c), r.start.get(c)]), end: r.end ? COMPONENTS.map((c) => r.end!.get(c)) : null }));

/** Examples of every kept parser, and near misses. */
const EXAMPLES = [
  '2025-04-28', '2025-4-8T10:00Z', '2025/04/28', '2025.4.28', '2025 04 28', '2025 April 28', '2025-Apr-28', '04/2025', '4/2025',
  '28 April 2025', 'the 28th of April', 'on 3rd - 5th March, 2024', 'twenty-first of june', '28-Apr-2025', '5/Aug',
  'April 28, 2025', 'Apr. 28 2025', 'September 3rd to 5th', 'Sept 11', 'march 5', 'MAY 10', 'Dec, 2024',
  '2024 March', '1999 of May', '300 BC Jan', 'in January', 'June 2024', 'last Tues.', 'this weekend', 'next weekday',
  'Mon, 28 Apr 2025 10:00:00 +0000', 'on Sunday', '(Friday)', 'Thursday of next week', 'Sat.', 'WED',
  'Maria and Janet marched on Decatur', 'Novak sept octopus', 'no date here at all', '12345', '20/20 vision', '',
];

function corpusSentences(): string[] {
  const dirs = [SEEDS, CRISIS, path.join(HELDOUT)];
  const out: string[] = [];
  for (const dir of dirs) {
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f));
    } catch {
      continue;
    }
    for (const f of files) {
      const raw = readFileSync(path.join(dir, f), 'utf8');
      out.push(...raw.split('\n').slice(0, 8)); // header and date lines as written
      for (const s of splitSentences(cleanArticleText(raw).body)) out.push(s.text);
    }
  }
  return out;
}

describe('chrono runs only the parsers a text can match', () => {
  it('GIVEN examples of every kept parser and near misses THEN the results are those of all parsers', () => {
    for (const t of EXAMPLES) expect(view(calendarParseGated(t)), t).toEqual(view(calendarParseAll(t)));
    expect(calendarParseGated('2025-04-28').length).toBe(1);
    expect(calendarParseGated('on Sunday').length).toBe(1);
  });

  it('GIVEN every sentence and header line of the seeds, crisis and held-out passages THEN the same results', () => {
    const sentences = corpusSentences();
    expect(sentences.length).toBeGreaterThan(300);
    let found = 0;
    for (const t of sentences) {
      const all = calendarParseAll(t);
      found += all.length;
      expect(view(calendarParseGated(t)), t).toEqual(view(all));
    }
    expect(found).toBeGreaterThan(50);
  });
});
