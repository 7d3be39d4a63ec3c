import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DateValue, TimeMention, TimeRule } from '../../src/core/types.js';
import {
  chronoParsersInUse,
  compareDateValues,
  findDateLine,
  findTimeMentions,
  formatDateValue,
  mentionIsAbsolute,
  parseDateString,
  resolveTimeMention,
} from '../../src/extract/dates.js';
import { splitSentences } from '../../src/extract/sentences.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = join(ROOT, 'seeds');
const CRISIS = join(ROOT, '../shared/corpora/crisis-timelines');

const day = (s: string): DateValue => parseDateString(s)!;
const APRIL_28 = day('2025-04-28'); // a Monday

/** Every mention of a text, as [verbatim text, resolved value or null]. */
function resolveAll(text: string, published: DateValue | null): Array<[string, string | null]> {
  const out: Array<[string, string | null]> = [];
  for (const s of splitSentences(text)) {
    for (const m of findTimeMentions(s.text)) {
      const v = resolveTimeMention(m.rule, published);
      out.push([m.text, v ? formatDateValue(v) : null]);
    }
  }
  return out;
}

/** Resolves the single mention of `sentence` (fails if there is not exactly one). */
function one(sentence: string, published: DateValue | null = APRIL_28): string | null {
  const ms = findTimeMentions(sentence);
  expect(ms.map((m) => m.text), sentence).toHaveLength(1);
  const v = resolveTimeMention(ms[0]!.rule, published);
  return v ? formatDateValue(v) : null;
}

function texts(sentence: string): string[] {
  return findTimeMentions(sentence).map((m) => m.text);
}

function readSeed(prefix: string): string {
  const f = readdirSync(SEEDS).find((n) => n.startsWith(prefix))!;
  return readFileSync(join(SEEDS, f), 'utf8');
}

const crisisFiles = readdirSync(CRISIS).filter((f) => f.endsWith('.txt')).sort();
const readCrisis = (name: string) => readFileSync(join(CRISIS, `${name}.txt`), 'utf8');

// ---------------------------------------------------------------------------

describe('findTimeMentions + resolveTimeMention on the seed articles', () => {
  it('GIVEN seed 004 THEN its date line dates it 2025-04-28', () => {
    const text = readSeed('004');
    const line = findDateLine(text)!;
    expect(formatDateValue(line.value)).toBe('2025-04-28');
    expect(text.slice(line.start, line.end)).toBe('date 2025-04-28');
  });

  it('GIVEN seed 004 (AP, 2025-04-28) THEN every mention resolves at the granularity the text gives', () => {
    expect(resolveAll(readSeed('004'), APRIL_28)).toEqual([
      ['2025-04-28', '2025-04-28'],
      ['Monday', '2025-04-28'],
      ['last fall', '2024-FA'],
      ['Monday', '2025-04-28'],
      ['March', '2025-03'],
      ['earlier this year', '2025'],
      ['March', '2025-03'],
      ['last year', '2024'],
    ]);
  });

  it('GIVEN seed 000, the syndicated copy of 004, dated like it THEN "In March" is 2025-03, "June 2024" a month and "at 4,000" no time', () => {
    const text = readSeed('000');
    expect(findDateLine(text)).toBeNull();
    expect(resolveAll(text, APRIL_28)).toEqual([
      ['last year', '2024'],
      ['Monday', '2025-04-28'],
      ['June 2024', '2024-06'],
      ['March', '2025-03'],
      ['earlier this year', '2025'],
      ['March', '2025-03'],
      ['last year', '2024'],
    ]);
  });

  it('GIVEN undated seed 001 THEN only absolute dates resolve, and "August last year" is one mention', () => {
    const text = readSeed('001');
    expect(findDateLine(text)).toBeNull();
    expect(resolveAll(text, null)).toEqual([
      ['June 2024', '2024-06'],
      ['Monday', null],
      ['Monday', null],
      ['August last year', null],
      ['last fall', null],
      ['1953', '1953'],
      ['March', null],
      ['earlier this year', null],
      ['June 2024', '2024-06'],
      ['two days after', null],
      ['Monday', null],
      ['Monday', null],
    ]);
  });

  it('GIVEN seed 001 dated 2025-04-28 THEN "August last year" is 2024-08, "last fall" 2024-FA and "two days after Mr Putin..." stays event-relative', () => {
    const resolved = new Map(resolveAll(readSeed('001'), APRIL_28));
    expect(resolved.get('August last year')).toBe('2024-08');
    expect(resolved.get('last fall')).toBe('2024-FA');
    expect(resolved.get('two days after')).toBeNull();
    const putin = findTimeMentions('comes just two days after Mr Putin also confirmed the North Korean involvement');
    expect(putin.map((m) => m.rule)).toEqual([{ type: 'eventRelative' }]);
  });

  it('GIVEN undated seed 002 THEN "until now" is no date and "days after" is event-relative', () => {
    expect(resolveAll(readSeed('002'), null)).toEqual([
      ['Monday', null],
      ['Last year', null],
      ['October', null],
      ['Earlier this year', null],
      ['January', null],
      ['days after', null],
    ]);
  });

  it('GIVEN undated seed 003 THEN "25 April, 2019" and "in 2024" resolve, "1,000 to 3,000" is no time', () => {
    expect(resolveAll(readSeed('003'), null)).toEqual([
      ['25 April, 2019', '2019-04-25'],
      ['25 April, 2019', '2019-04-25'],
      ['last year', null],
      ['2024', '2024'],
      ['August', null],
      ['Wednesday', null],
      ['January', null],
      ['February', null],
      ['early February', null],
      ['7 February', null],
      ['November', null],
    ]);
  });

  it('GIVEN seed 003 were published Wednesday 2025-02-12 THEN "in August" is 2024-08, "In November" 2024-11, "on 7 February" 2025-02-07 and "early February" a month', () => {
    expect(resolveAll(readSeed('003'), day('2025-02-12'))).toEqual([
      ['25 April, 2019', '2019-04-25'],
      ['25 April, 2019', '2019-04-25'],
      ['last year', '2024'],
      ['2024', '2024'],
      ['August', '2024-08'],
      ['Wednesday', '2025-02-12'],
      ['January', '2025-01'],
      ['February', '2025-02'],
      ['early February', '2025-02'],
      ['7 February', '2025-02-07'],
      ['November', '2024-11'],
    ]);
  });
});

// ---------------------------------------------------------------------------

describe('resolution rules (article published Monday 2025-04-28)', () => {
  it('GIVEN an April 2025 article THEN "in March" resolves to 2025-03 and "in August" to the previous August', () => {
    expect(one('In March, the ministry said the flood had passed.')).toBe('2025-03');
    expect(one('The troops were sent in August.')).toBe('2024-08');
    expect(one('Turnout was low in April.')).toBe('2025-04');
  });

  it('GIVEN a month name with a year THEN it is that month; with a day and year THEN that day', () => {
    expect(one('The treaty was signed in June 2024.')).toBe('2024-06');
    expect(one('Zelensky spoke on 7 February 2025.')).toBe('2025-02-07');
    expect(one('Zelensky spoke on February 7, 2025.')).toBe('2025-02-07');
  });

  it('GIVEN a day without a year THEN it is the most recent one on or before publication', () => {
    expect(one('He confirmed on 7 February that troops were fighting.')).toBe('2025-02-07');
    expect(one('About 70 soldiers were mown down on 19 December.', day('2011-12-20'))).toBe('2011-12-19');
    expect(one('The bridge reopened on 28 April.')).toBe('2025-04-28');
  });

  it('GIVEN a yearless day more than half a year back THEN it is not guessed (it may be this year, written later)', () => {
    expect(one('They suspended their operations on 16 June.', day('2012-04-16'))).toBeNull();
    expect(one('The vote was counted on 2 May.')).toBeNull(); // 361 days back, or in four days
    expect(one('The Sept. 11 attacks changed everything.')).toBeNull(); // 2024-09-11 is 229 days back
  });

  it('GIVEN a bare year THEN it is a year; counts and codes are not years', () => {
    expect(one('Prices were lower in 2024.')).toBe('2024');
    expect(one('the end of the Korean war in 1953')).toBe('1953');
    expect(one('Exports have grown since 2010.')).toBe('2010');
    expect(one('civilians who have died violently since the 2003 invasion')).toBe('2003');
    expect(one('Russia’s 2022 invasion changed everything.')).toBe('2022');
    expect(texts('More than 2,000 troops and 2000 protesters were there.')).toEqual([]);
    expect(texts('Israeli airstrikes target a facility that housed Fateh-110 missiles.')).toEqual([]);
    expect(texts('BP will place $20bn in a fund.')).toEqual([]);
    expect(texts('The rig was drilling in about 5,000 ft of water.')).toEqual([]);
    expect(texts('Security Council resolution 1973 authorised force.')).toEqual([]);
    expect(texts('The 1990s were calm.')).toEqual([]);
    expect(texts('By 2030 the town will have grown by 2000 residents.')).toEqual(['2030']);
  });

  it('GIVEN "last/this/next year" and "last month" THEN year and month offsets', () => {
    expect(one('The treaty was agreed last year.')).toBe('2024');
    expect(one('More troops were sent earlier this year.')).toBe('2025');
    expect(one('Elections are due next year.')).toBe('2026');
    expect(one('Inflation rose last month.')).toBe('2025-03');
    expect(one('Ten years ago the dam failed.')).toBe('2015');
  });

  it('GIVEN "August last year" THEN one mention, 2024-08', () => {
    const ms = findTimeMentions('Ukraine launched a surprise incursion in August last year.');
    expect(ms).toEqual([
      { text: 'August last year', start: 41, end: 57, rule: { type: 'monthOfYearOffset', month: 8, yearOffset: -1 } },
    ]);
    expect(formatDateValue(resolveTimeMention(ms[0]!.rule, APRIL_28)!)).toBe('2024-08');
  });

  it('GIVEN seasons THEN last fall is 2024-FA, this summer 2025-SU, last winter the one that ended in February', () => {
    expect(one('Troops were sent last fall.')).toBe('2024-FA');
    expect(one('Troops were sent last autumn.')).toBe('2024-FA');
    expect(one('The drought will end this summer.')).toBe('2025-SU');
    expect(one('Rains were heavy last winter.')).toBe('2024-WI');
    expect(one('Rains were heavy last winter.', day('2025-01-15'))).toBe('2023-WI'); // 2024-WI is still on
    expect(one('Snow fell this winter.', day('2025-01-15'))).toBe('2024-WI');
    expect(one('The coalition was formed in the spring of 2019.')).toBe('2019-SP');
  });

  it('GIVEN a bare season THEN it is past-biased like a bare month: "in the summer" in April is last summer unless the clause is future', () => {
    expect(one('The flooding began in the summer.')).toBe('2024-SU');
    expect(one('The plant has operated since the summer.')).toBe('2024-SU');
    expect(one('The dam will be repaired in the summer.')).toBe('2025-SU');
    expect(one('The flooding began in the summer.', day('2025-10-10'))).toBe('2025-SU');
    expect(findTimeMentions('The flooding began in the summer.')[0]!.rule).toEqual({ type: 'season', season: 'SU', offset: -1 });
  });

  it('GIVEN weekdays THEN the most recent one on or before publication, and the next one when the clause is future', () => {
    expect(one('North Korea confirmed the deployment on Monday.')).toBe('2025-04-28');
    expect(one('The NIS said on Wednesday that more troops had been sent.')).toBe('2025-04-23');
    expect(one('The flood hit the town last Tuesday.')).toBe('2025-04-22');
    expect(one('The talks are due to resume on Wednesday.')).toBe('2025-04-30');
    expect(one('Aid will arrive on Thursday.')).toBe('2025-05-01');
    expect(one('The aid convoy arrived last Tuesday.', day('2010-01-18'))).toBe('2010-01-12');
  });

  it('GIVEN yesterday, today, "two days ago" THEN day offsets', () => {
    expect(one('The river burst its banks yesterday.')).toBe('2025-04-27');
    expect(one('Schools are closed today.')).toBe('2025-04-28');
    expect(one('The river burst its banks two days ago.')).toBe('2025-04-26');
    expect(findTimeMentions('two days ago')[0]!.rule).toEqual({ type: 'dayOffset', offset: -2 });
  });

  it('GIVEN an expression relative to another event THEN it is eventRelative and resolves to null', () => {
    for (const s of [
      'The latest confirmation comes two days after Mr Putin confirmed the involvement.',
      'The next day, Islamists attack a peaceful sit-in.',
      'The following day, residents stage protests.',
      'Days later, Morsi rescinds his decrees.',
      'Looting broke out almost a week after the quake.',
    ]) {
      const ms = findTimeMentions(s);
      expect(ms.map((m) => m.rule), s).toEqual([{ type: 'eventRelative' }]);
      expect(resolveTimeMention(ms[0]!.rule, APRIL_28)).toBeNull();
    }
  });

  it('GIVEN vague granularity THEN no invented day: "early February" is a month, "mid-2024" a year', () => {
    expect(one('Troops returned in early February.')).toBe('2025-02');
    expect(one('Growth slowed in mid-2024.')).toBe('2024');
    expect(one('The crackdown has killed 2,200 since mid-March.', day('2011-08-22'))).toBe('2011-03');
    expect(resolveAll('Soldiers were sent between January and February.', APRIL_28)).toEqual([
      ['January', '2025-01'],
      ['February', '2025-02'],
    ]);
  });

  it('GIVEN the future is only said, not guessed THEN "will"/"scheduled"/"next" flag it and "would" drops the month', () => {
    expect(one('The summit will be held in August.')).toBe('2025-08');
    expect(one('The strike is scheduled for 3 May.')).toBe('2025-05-03');
    expect(one('Mexico orders a shutdown starting on May 1.', day('2009-04-29'))).toBe('2009-05-01');
    expect(findTimeMentions('Voters go to the polls next March.')[0]!.rule).toEqual({ type: 'monthDay', month: 3, future: true });
    // The reporting verb governs the date, not the later "will".
    expect(one('Mr Kim said on Monday that he will build a monument.')).toBe('2025-04-28');
    expect(one('On Monday, the minister said he will resign.')).toBe('2025-04-28');
    // "would": before or after publication is unknown, so no mention.
    expect(texts('He said he would step down in September.')).toEqual([]);
    expect(texts('The final is on Sunday.')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------

describe('false hits chrono makes on news text', () => {
  it.each([
    ['Zelensky put the number of killed or wounded North Koreans at 4,000.'],
    ['An extra 1,000 to 3,000 North Korean soldiers were sent.'],
    ['Notably, until now, North Korea had remained silent.'],
    ['Turkey is now sheltering more than 120,000 Syrian refugees.'],
    ['About 8,000 people fled over a 24-hour period.'],
    ['Protests marked the 2 year anniversary of the revolt.'],
    ['WHO raises its pandemic alert to phase 5.'],
    ['At 5 p.m., the Coast Guard suspends the search.'],
    ['The tremor struck at 0603 local time (1103 GMT).'],
    ['Thousands spent a second night in the open.'],
    ['The UN appealed for aid for six months.'],
    ['40,000 troops will be deployed over the next week.'],
    ['Missiles which may have been destined for Hezbollah.'],
    ['More than 100,000 protesters march on the presidential palace.'],
    ['It was a good day for the march on the palace.'],
    ['Attacks have killed more than 650 people in the past month.'],
    ['Street battles have killed at least 155 over last 10 days.'],
    ['Theresa May met the Irish prime minister.'],
    ['Crowds marked Bloody Sunday and Super Tuesday.'],
    ['Since the fall of Saddam Hussein, violence has risen.'],
    ['The Arab Spring toppled rulers.'],
    ['It rained all of last week and at the weekend.'],
    ['Prices fall in spring every year.'],
  ])('GIVEN %j THEN no time mention', (sentence) => {
    expect(texts(sentence)).toEqual([]);
  });

  it('GIVEN "at 5 p.m. on Monday" THEN only the Monday', () => {
    expect(one('The dam collapsed at 5 p.m. on Monday.')).toBe('2025-04-28');
  });

  it('GIVEN a month followed by a count THEN the number is not a day or year', () => {
    expect(texts('In January 2,000 homes were flooded.')).toEqual(['January']);
    expect(texts('In March 12 people were killed.')).toEqual(['March']);
    expect(texts('Al Qaeda was responsible for the May 10 bombs.')).toEqual(['May 10']);
  });
});

// ---------------------------------------------------------------------------

describe('own sentences about other events (forms the corpora lack)', () => {
  const published = day('2024-11-14'); // a Thursday

  it('GIVEN a flood report THEN seasons, weekdays and "last month" resolve against 2024-11-14', () => {
    const text =
      'Flood waters that rose on Tuesday have reached the old town. ' +
      'The river last burst its banks in the spring of 2019, and again last winter. ' +
      'Rainfall last month was double the October average, the agency said on Wednesday. ' +
      'Engineers will inspect the dam on Friday.';
    expect(resolveAll(text, published)).toEqual([
      ['Tuesday', '2024-11-12'],
      ['the spring of 2019', '2019-SP'],
      ['last winter', '2023-WI'],
      ['last month', '2024-10'],
      ['October', '2024-10'], // "the October average": kept as October, arguably generic
      ['Wednesday', '2024-11-13'],
      ['Friday', '2024-11-15'],
    ]);
  });

  it('GIVEN an election story THEN a full date, a past month and a future month', () => {
    const text =
      'Voters went to the polls on 5 November 2024. ' +
      'The party won 2000 seats in councils it lost in May. ' +
      'A run-off is scheduled for December, and the new parliament will sit in January.';
    expect(resolveAll(text, published)).toEqual([
      ['5 November 2024', '2024-11-05'],
      ['May', '2024-05'],
      ['December', '2024-12'],
      ['January', '2025-01'],
    ]);
  });

  it('GIVEN a strike story THEN "August this year", "three days ago", "yesterday", and no day in "late October"', () => {
    const text =
      'Dock workers walked out three days ago after talks collapsed in late October. ' +
      'The union first struck in August this year. ' +
      'Yesterday, the port authority said 40 ships were waiting.';
    expect(resolveAll(text, published)).toEqual([
      ['three days ago', '2024-11-11'],
      ['late October', '2024-10'],
      ['August this year', '2024-08'],
      ['Yesterday', '2024-11-13'],
    ]);
  });

  it('GIVEN a wildfire story THEN "last summer" in November is this year\'s summer (it is over) and a year range gives two years', () => {
    const text = 'The fires of last summer burned more land than in any year from 2015 to 2019.';
    expect(resolveAll(text, published)).toEqual([
      ['last summer', '2024-SU'],
      ['2015', '2015'],
      ['2019', '2019'],
    ]);
  });

  it('GIVEN a court story with numeric dates THEN unambiguous ones resolve and "05/04/2025" is refused', () => {
    expect(texts('The ruling of 2024/11/06 was appealed on 11/25/2024 and heard 05/04/2025.')).toEqual([
      '2024/11/06',
      '11/25/2024',
    ]);
  });

  it('GIVEN an undated article THEN nothing but absolute dates resolves', () => {
    const text =
      'The storm made landfall on Tuesday. It was the worst since 1998. ' +
      'Schools closed last week and will reopen next month. The levee failed in March 2023.';
    expect(resolveAll(text, null)).toEqual([
      ['Tuesday', null],
      ['1998', '1998'],
      ['next month', null],
      ['March 2023', '2023-03'],
    ]);
  });
});

// ---------------------------------------------------------------------------

describe('the crisis-timeline passages (81 real passages, each with a date line)', () => {
  it('GIVEN each passage THEN findDateLine reads the date its file name carries', () => {
    expect(crisisFiles).toHaveLength(81);
    for (const f of crisisFiles) {
      const text = readFileSync(join(CRISIS, f), 'utf8');
      const line = findDateLine(text);
      expect(line, f).not.toBeNull();
      expect(formatDateValue(line!.value), f).toBe(/(\d{4}-\d{2}-\d{2})\.txt$/.exec(f)![1]);
    }
  });

  it('GIVEN the named examples THEN "on 19 December", "since February 15", "last Tuesday\'s earthquake", "on 22 April" resolve', () => {
    const at = (name: string) => new Map(resolveAll(readCrisis(name), findDateLine(readCrisis(name))!.value));
    expect(at('crisis-syria__bbc__2011-12-19').get('19 December')).toBe('2011-12-19');
    expect(at('crisis-libya__cnn__2011-02-19').get('February 15')).toBe('2011-02-15');
    expect(at('tl17-haiti__bbc__2010-01-18').get('last Tuesday')).toBe('2010-01-12');
    expect(at('tl17-haiti__bbc__2010-01-17').get('Tuesday')).toBe('2010-01-12');
    expect(at('crisis-syria__bbc__2011-04-22').get('22 April')).toBe('2011-04-22');
    expect(at('crisis-syria__dailystar__2012-08-14').get('August 5')).toBe('2012-08-05');
    expect(at('tl17-egypt__tl8__2011-02-09').get('January 25')).toBe('2011-01-25');
  });

  it('GIVEN every passage THEN the mentions and their resolutions are exactly these', () => {
    const all: Array<[string, string, string | null]> = [];
    for (const f of crisisFiles) {
      const text = readFileSync(join(CRISIS, f), 'utf8');
      const pub = findDateLine(text)!.value;
      for (const [t, v] of resolveAll(text, pub)) {
        if (/^date \d{4}/.test(t)) continue;
        if (t === formatDateValue(pub)) continue; // the date line itself
        all.push([f.replace(/\.txt$/, ''), t, v]);
      }
    }
    expect(all).toEqual([
      ['crisis-egypt__ap__2012-12-04', 'The next day', null],
      ['crisis-egypt__ap__2012-12-04', 'Days later', null],
      ['crisis-egypt__ap__2012-12-29', '2010', '2010'],
      ['crisis-egypt__ap__2012-12-29', '2010', '2010'],
      ['crisis-egypt__ap__2013-01-25', 'The following day', null],
      ['crisis-egypt__ap__2013-01-25', '2012', '2012'],
      ['crisis-egypt__reuters__2011-11-25', '1996', '1996'],
      ['crisis-egypt__reuters__2011-11-25', '1999', '1999'],
      ['crisis-libya__cnn__2011-02-19', 'February 15', '2011-02-15'],
      ['crisis-syria__bbc__2011-04-22', '22 April', '2011-04-22'],
      ['crisis-syria__bbc__2011-12-19', '19 December', '2011-12-19'],
      ['crisis-syria__bbc__2011-12-20', 'the next day', null],
      // written after the fact: June 2012, not June 2011; refused rather than guessed
      ['crisis-syria__bbc__2012-04-16', '16 June', null],
      ['crisis-syria__dailystar__2012-08-14', 'August 5', '2012-08-05'],
      ['tl17-bpoil__bbc__2010-06-17', 'this year', '2010'],
      ['tl17-bpoil__bbc__2010-08-03', 'last month', '2010-07'],
      ['tl17-egypt__tl8__2011-02-09', 'January 25', '2011-01-25'],
      ['tl17-h1n1__h1n1_reuters__2009-04-29', 'May 1', '2009-05-01'],
      ['tl17-h1n1__swine_flu_guardian__2009-04-22', 'this year', '2009'],
      ['tl17-haiti__bbc__2010-01-17', 'Tuesday', '2010-01-12'],
      ['tl17-haiti__bbc__2010-01-17', 'today', '2010-01-17'],
      ['tl17-haiti__bbc__2010-01-17', 'tomorrow', '2010-01-18'],
      ['tl17-haiti__bbc__2010-01-18', 'last Tuesday', '2010-01-12'],
      ['tl17-haiti__bbc__2010-01-18', 'a week after', null],
      ['tl17-iraq__tl7__2005-07-11', 'early next year', '2006'],
      ['tl17-iraq__tl7__2005-07-11', 'the middle of next year', '2006'],
      ['tl17-iraq__tl7__2005-07-19', '2003', '2003'],
      ['tl17-iraq__tl7__2005-09-15', 'the day after', null],
      ['tl17-iraq__tl7__2005-09-15', '2003', '2003'],
      ['tl17-syria__tl2.1__2011-08-22', 'mid-March', '2011-03'],
      ['tl17-syria__tl2.2__2011-05-17', 'May 10', '2011-05-10'],
    ]);
  });

  /** The rule itself points forward (next, tomorrow, will...). */
  function ruleIsFuture(rule: TimeRule): boolean {
    switch (rule.type) {
      case 'monthDay':
      case 'weekday':
        return rule.future;
      case 'yearOffset':
      case 'monthOffset':
      case 'dayOffset':
      case 'season':
        return rule.offset > 0;
      case 'monthOfYearOffset':
        return rule.yearOffset > 0;
      default:
        return false;
    }
  }
  const FUTURE_CUE = /\b(?:will|shall|next|tomorrow|due|scheduled|starting|plans?|upcoming)\b/i;

  it.each(crisisFiles)('GIVEN %s THEN no date resolves after the passage date unless the sentence is future-tense', (f) => {
    const text = readFileSync(join(CRISIS, f), 'utf8');
    const pub = findDateLine(text)!.value;
    for (const s of splitSentences(text)) {
      for (const m of findTimeMentions(s.text)) {
        const v = resolveTimeMention(m.rule, pub);
        if (v === null || compareDateValues(v, pub) <= 0) continue;
        expect({ sentence: s.text, mention: m.text, future: ruleIsFuture(m.rule) && FUTURE_CUE.test(s.text) }).toEqual({
          sentence: s.text,
          mention: m.text,
          future: true,
        });
      }
    }
  });

  it.each(crisisFiles)('GIVEN %s were undated THEN only absolute dates resolve', (f) => {
    const text = readFileSync(join(CRISIS, f), 'utf8');
    for (const s of splitSentences(text)) {
      for (const m of findTimeMentions(s.text)) {
        const v = resolveTimeMention(m.rule, null);
        expect(v === null || mentionIsAbsolute(m), `${f}: ${m.text}`).toBe(true);
        if (mentionIsAbsolute(m)) expect(v).toEqual((m.rule as { value: DateValue }).value);
      }
    }
  });
});

// ---------------------------------------------------------------------------

describe('resolveTimeMention edge cases', () => {
  const monthOnly = parseDateString('April 2025')!;
  const yearOnly = parseDateString('2025')!;

  it('GIVEN an undated article THEN every rule but absolute resolves to null', () => {
    const rules: TimeRule[] = [
      { type: 'monthDay', month: 3, future: false },
      { type: 'season', season: 'FA', offset: -1 },
      { type: 'yearOffset', offset: -1 },
      { type: 'monthOffset', offset: -1 },
      { type: 'monthOfYearOffset', month: 8, yearOffset: -1 },
      { type: 'weekday', weekday: 1, future: false },
      { type: 'dayOffset', offset: -1 },
      { type: 'eventRelative' },
    ];
    for (const r of rules) expect(resolveTimeMention(r, null), r.type).toBeNull();
    expect(resolveTimeMention({ type: 'absolute', value: { year: 1953, granularity: 'year' } }, null)).toEqual({
      year: 1953,
      granularity: 'year',
    });
  });

  it('GIVEN a publication date coarser than the rule THEN null, never a guessed day', () => {
    expect(resolveTimeMention({ type: 'weekday', weekday: 1, future: false }, monthOnly)).toBeNull();
    expect(resolveTimeMention({ type: 'dayOffset', offset: -1 }, monthOnly)).toBeNull();
    expect(resolveTimeMention({ type: 'monthDay', month: 3, future: false }, yearOnly)).toBeNull();
    expect(resolveTimeMention({ type: 'monthDay', month: 4, day: 7, future: false }, monthOnly)).toBeNull();
    expect(formatDateValue(resolveTimeMention({ type: 'monthDay', month: 3, day: 7, future: false }, monthOnly)!)).toBe('2025-03-07');
    expect(formatDateValue(resolveTimeMention({ type: 'yearOffset', offset: -1 }, yearOnly)!)).toBe('2024');
    expect(formatDateValue(resolveTimeMention({ type: 'monthOffset', offset: -1 }, monthOnly)!)).toBe('2025-03');
  });

  it('GIVEN offsets that cross a year THEN the calendar wraps', () => {
    expect(formatDateValue(resolveTimeMention({ type: 'monthOffset', offset: -1 }, day('2025-01-10'))!)).toBe('2024-12');
    expect(formatDateValue(resolveTimeMention({ type: 'dayOffset', offset: -1 }, day('2025-03-01'))!)).toBe('2025-02-28');
    expect(formatDateValue(resolveTimeMention({ type: 'monthDay', month: 12, day: 30, future: false }, day('2025-01-03'))!)).toBe(
      '2024-12-30',
    );
    expect(formatDateValue(resolveTimeMention({ type: 'monthDay', month: 1, day: 5, future: true }, day('2024-12-20'))!)).toBe(
      '2025-01-05',
    );
  });

  it('GIVEN 29 February THEN only a leap year', () => {
    expect(formatDateValue(resolveTimeMention({ type: 'monthDay', month: 2, day: 29, future: false }, day('2024-03-10'))!)).toBe(
      '2024-02-29',
    );
    expect(resolveTimeMention({ type: 'monthDay', month: 2, day: 29, future: false }, day('2025-03-10'))).toBeNull();
  });

  it('GIVEN "next fall" and "this spring" THEN the season offsets count from the publication month', () => {
    expect(formatDateValue(resolveTimeMention({ type: 'season', season: 'FA', offset: 1 }, APRIL_28)!)).toBe('2025-FA');
    expect(formatDateValue(resolveTimeMention({ type: 'season', season: 'SP', offset: 1 }, APRIL_28)!)).toBe('2026-SP');
    expect(formatDateValue(resolveTimeMention({ type: 'season', season: 'SP', offset: 0 }, APRIL_28)!)).toBe('2025-SP');
    expect(formatDateValue(resolveTimeMention({ type: 'season', season: 'SU', offset: -1 }, day('2025-10-01'))!)).toBe('2025-SU');
  });
});

// ---------------------------------------------------------------------------

describe('formatDateValue, parseDateString, compareDateValues', () => {
  it('GIVEN each granularity THEN YYYY, YYYY-MM, YYYY-MM-DD, YYYY-SS', () => {
    expect(formatDateValue({ year: 2025, granularity: 'year' })).toBe('2025');
    expect(formatDateValue({ year: 2025, month: 3, granularity: 'month' })).toBe('2025-03');
    expect(formatDateValue({ year: 2025, month: 4, day: 28, granularity: 'day' })).toBe('2025-04-28');
    expect(formatDateValue({ year: 2024, season: 'FA', granularity: 'season' })).toBe('2024-FA');
  });

  it.each([
    ['2025-04-28', '2025-04-28'],
    ['2025-04-28T10:00:00Z', '2025-04-28'],
    ['2025-04-28T23:30:00-05:00', '2025-04-28'],
    ['28 April 2025', '2025-04-28'],
    ['April 28, 2025', '2025-04-28'],
    ['Apr. 28 2025', '2025-04-28'],
    ['2025/04/28', '2025-04-28'],
    ['Mon, 28 Apr 2025 10:00:00 +0000', '2025-04-28'],
    ['April 28, 2025 10:31 am', '2025-04-28'],
    ['28/04/2025', '2025-04-28'],
    ['April 2025', '2025-04'],
    ['2025-04', '2025-04'],
    ['2025', '2025'],
  ])('GIVEN %j THEN parseDateString gives %s', (input, expected) => {
    expect(formatDateValue(parseDateString(input)!)).toBe(expected);
  });

  it.each([['hello'], ['Monday'], ['March'], ['April 28'], ['05/04/2025'], ['2025-02-30'], ['1,000'], ['Published reports on Monday']])(
    'GIVEN %j THEN parseDateString gives null',
    (input) => {
      expect(parseDateString(input)).toBeNull();
    },
  );

  it('GIVEN mixed granularities THEN a year sorts before its months and seasons sit at their first month', () => {
    const values: DateValue[] = [
      day('2025-03'),
      { year: 2024, season: 'FA', granularity: 'season' },
      day('2025'),
      { year: 2024, season: 'WI', granularity: 'season' },
      day('2025-01-01'),
      day('2024-12-31'),
      day('2025-01'),
      day('2024'),
      { year: 2025, season: 'SP', granularity: 'season' },
      day('2025-03-02'),
    ];
    expect([...values].sort(compareDateValues).map(formatDateValue)).toEqual([
      '2024',
      '2024-FA',
      '2024-WI',
      '2024-12-31',
      '2025',
      '2025-01',
      '2025-01-01',
      '2025-SP',
      '2025-03',
      '2025-03-02',
    ]);
    expect(compareDateValues(day('2025-04-28'), day('2025-04-28'))).toBe(0);
  });
});

// ---------------------------------------------------------------------------

describe('findDateLine', () => {
  it.each([
    ['date 2025-04-28 SEOUL, South Korea — (AP) —', '2025-04-28', 'date 2025-04-28'],
    ['Title\n\nPublished 14 September 2023\nBody text.', '2023-09-14', 'Published 14 September 2023'],
    ['Title\nPublished: April 28, 2025 10:31 am\nBody', '2025-04-28', 'Published: April 28, 2025 10:31 am'],
    ['Header\nUpdated 3 March 2024\n', '2024-03-03', 'Updated 3 March 2024'],
    ['By a reporter\n28 April 2025\nBody', '2025-04-28', '28 April 2025'],
  ])('GIVEN %j THEN the date line gives %s', (text, expected, span) => {
    const found = findDateLine(text)!;
    expect(formatDateValue(found.value)).toBe(expected);
    expect(text.slice(found.start, found.end)).toBe(span);
  });

  it('GIVEN body sentences that mention dates, a bare "Published" and lines past the top THEN no date line', () => {
    expect(findDateLine('North Korea said on 7 February 2025 that it would.\nPublished reports said on 14 September 2023 that x.')).toBeNull();
    expect(findDateLine('By contributor\nPublished\nKim Jong Un speaks')).toBeNull();
    expect(findDateLine('Date rape drugs were found.\nMore text')).toBeNull();
    expect(findDateLine(`${'line\n'.repeat(25)}Published 14 September 2023`)).toBeNull();
  });

  it('GIVEN the undated seeds THEN no date line (000 has "Published" with no date; 003 a caption date)', () => {
    for (const prefix of ['000', '001', '002', '003']) expect(findDateLine(readSeed(prefix)), prefix).toBeNull();
  });
});

// ---------------------------------------------------------------------------

describe('mentions as data', () => {
  it('GIVEN a mention THEN its offsets point at its verbatim text and rules are plain data', () => {
    const sentence = 'In March, Mr Kim met Mr Shoigu in Pyongyang; troops were sent last fall.';
    const ms: TimeMention[] = findTimeMentions(sentence);
    for (const m of ms) expect(sentence.slice(m.start, m.end)).toBe(m.text);
    expect(JSON.parse(JSON.stringify(ms))).toEqual(ms);
    expect(ms.map((m) => [m.text, mentionIsAbsolute(m)])).toEqual([
      ['March', false],
      ['last fall', false],
    ]);
  });

  it('GIVEN chrono-node THEN the calendar parsers the wrapper relies on are still there', () => {
    expect(chronoParsersInUse().sort()).toEqual([
      'ENMonthNameLittleEndianParser',
      'ENMonthNameMiddleEndianParser',
      'ENMonthNameParser',
      'ENSlashMonthFormatParser',
      'ENWeekdayParser',
      'ENYearMonthDayParser',
      'ENYearMonthNameParser',
      'ISOFormatParser',
    ]);
  });
});

describe('pre-filter', () => {
  afterEach(() => vi.restoreAllMocks());

  it('GIVEN sentences with no month, weekday, season, year or relative word THEN chrono is not called', () => {
    const spy = vi.spyOn(chrono.Chrono.prototype, 'parse');
    for (const s of [
      'North Korean soldiers are highly disciplined and well trained.',
      'South Korea’s Joint Chiefs assessed around 4,000 North Korean soldiers had been killed or wounded.',
      'The troops, according to KCNA, were sent to "eliminate the Ukrainian neo-Nazi occupiers".',
      'Relief was arriving, but little had moved beyond the jammed airport.',
    ]) {
      expect(findTimeMentions(s)).toEqual([]);
    }
    expect(spy).not.toHaveBeenCalled();
    findTimeMentions('In March, Mr Kim met Mr Shoigu.');
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
