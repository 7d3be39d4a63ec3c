import { describe, expect, it } from 'vitest';
import { latestRunAtOrBefore, nextRunAfter } from '../../src/schedule/cron.js';
import { parseSchedule } from '../../src/schedule/parse.js';
import { resolveZone } from '../../src/schedule/zone.js';

function spec(text: string, zone = 'Europe/London') {
  const r = parseSchedule(text, zone);
  if (!r.ok) throw new Error(r.message);
  return r.spec;
}

function error(text: string, zone = 'Europe/London'): string {
  const r = parseSchedule(text, zone);
  if (r.ok) throw new Error(`expected an error for "${text}", got ${r.spec.cron}`);
  return r.message;
}

describe('parseSchedule: every form', () => {
  it.each([
    ['daily 08:00', '0 0 8 * * *', 'daily at 08:00'],
    ['daily 8:00', '0 0 8 * * *', 'daily at 08:00'],
    ['Daily at 8am', '0 0 8 * * *', 'daily at 08:00'],
    ['every day 18:45', '0 45 18 * * *', 'daily at 18:45'],
    ['daily 12am', '0 0 0 * * *', 'daily at 00:00'],
    ['daily 12:30pm', '0 30 12 * * *', 'daily at 12:30'],
    ['daily 8:30pm', '0 30 20 * * *', 'daily at 20:30'],
    ['weekdays 07:30', '0 30 7 * * 1-5', 'weekdays at 07:30'],
    ['every weekday at 7:30', '0 30 7 * * 1-5', 'weekdays at 07:30'],
    ['weekends 9:00', '0 0 9 * * 0,6', 'weekends at 09:00'],
    ['mondays 08:00', '0 0 8 * * 1', 'Mondays at 08:00'],
    ['monday 08:00', '0 0 8 * * 1', 'Mondays at 08:00'],
    ['every Friday at 17:00', '0 0 17 * * 5', 'Fridays at 17:00'],
    ['on sun 10:00', '0 0 10 * * 0', 'Sundays at 10:00'],
    ['thursdays 06:15', '0 15 6 * * 4', 'Thursdays at 06:15'],
    ['every 2h', '0 0 */2 * * *', 'every 2 hours'],
    ['every 6 hours', '0 0 */6 * * *', 'every 6 hours'],
    ['every 1h', '0 0 * * * *', 'every hour'],
    ['hourly', '0 0 * * * *', 'every hour'],
    ['every 30m', '0 */30 * * * *', 'every 30 minutes'],
    ['every 15 minutes', '0 */15 * * * *', 'every 15 minutes'],
    ['every 120m', '0 0 */2 * * *', 'every 2 hours'],
    ['every 24h', '0 0 0 * * *', 'daily at 00:00'],
    ['0 8 * * 1-5', '0 8 * * 1-5', 'cron 0 8 * * 1-5'],
    ['30 0 8 * * MON-FRI', '30 0 8 * * MON-FRI', 'cron 30 0 8 * * MON-FRI'],
    ['*/10   * * * * *', '*/10 * * * * *', 'cron */10 * * * * *'],
  ])('GIVEN "%s" THEN cron %s labelled "%s"', (text, cron, label) => {
    expect(spec(text)).toEqual({ cron, label, zone: 'Europe/London' });
  });

  it('GIVEN a zone in any case THEN it is validated and spelled canonically', () => {
    expect(spec('daily 08:00', 'america/new_york').zone).toBe('America/New_York');
    expect(spec('daily 08:00', 'UTC').zone).toBe('UTC');
  });
});

describe('parseSchedule: errors are one clear line', () => {
  it('GIVEN a misspelt schedule THEN it says what is accepted', () => {
    expect(error('dayly 8')).toBe(
      'Unrecognised schedule "dayly 8". Try: daily 08:00, weekdays 07:30, every 2h, or a cron expression like 0 8 * * 1-5.',
    );
  });

  it('GIVEN a bare hour THEN it asks for HH:MM instead of guessing', () => {
    expect(error('daily 8')).toBe('Give the time as HH:MM (24-hour) or with am/pm, e.g. 08:00 or 8am.');
  });

  it.each([
    ['daily 25:00', '"25:00" is not a valid time: use 00:00 to 23:59.'],
    ['daily 13pm', '"13pm" is not a valid time: with am/pm the hour is 1-12.'],
    ['every 45m', "every 45m doesn't divide an hour evenly; use 5, 10, 15, 20 or 30 minutes, or a cron expression."],
    ['every 5h', "every 5h doesn't divide a day evenly; use 1, 2, 3, 4, 6, 8 or 12 hours, or a cron expression."],
    ['every 0m', 'The interval must be at least 1 minute.'],
    ['', 'A schedule is needed. Try: daily 08:00, weekdays 07:30, every 2h, or a cron expression like 0 8 * * 1-5.'],
  ])('GIVEN "%s" THEN "%s"', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it('GIVEN an invalid cron expression THEN croner’s reason and the accepted shapes', () => {
    expect(error('61 8 * * *')).toBe(
      'Invalid cron expression "61 8 * * *": Invalid value for minute: 61. Use 5 fields (minute hour day month weekday) or 6 with seconds first, e.g. 0 8 * * 1-5.',
    );
    expect(error('0 0 8 * * * 2030')).toMatch(/^Invalid cron expression "0 0 8 \* \* \* 2030": mode '5-or-6-parts' requires exactly 5 or 6 parts/);
    expect(error('0 0 30 2 *')).toMatch(/: it never runs\./);
  });

  it('GIVEN an unknown zone THEN a suggestion when one is close', () => {
    expect(error('daily 08:00', 'London')).toBe(
      'Unknown time zone "London". Did you mean Europe/London? Use an IANA name such as Europe/London, America/New_York or UTC.',
    );
    expect(error('daily 08:00', 'Europe/Londn')).toContain('Did you mean Europe/London?');
    expect(resolveZone('Mars/Olympus_Mons')).toEqual({
      ok: false,
      message: 'Unknown time zone "Mars/Olympus_Mons". Use an IANA name such as Europe/London, America/New_York or UTC.',
    });
  });
});

describe('next run across daylight-saving changes', () => {
  function runs(text: string, zone: string, fromIso: string, n: number): string[] {
    const s = spec(text, zone);
    const out: string[] = [];
    let d = new Date(fromIso);
    for (let i = 0; i < n; i++) {
      d = nextRunAfter(s.cron, s.zone, d)!;
      out.push(d.toISOString());
    }
    return out;
  }

  it('GIVEN daily 08:00 in Europe/London across 2026-03-29 THEN it stays at 08:00 local (GMT, then BST)', () => {
    expect(runs('daily 08:00', 'Europe/London', '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('GIVEN daily 08:00 in America/New_York across 2026-11-01 THEN it stays at 08:00 local (EDT, then EST)', () => {
    expect(runs('daily 08:00', 'America/New_York', '2026-10-30T20:00:00Z', 3)).toEqual([
      '2026-10-31T12:00:00.000Z',
      '2026-11-01T13:00:00.000Z',
      '2026-11-02T13:00:00.000Z',
    ]);
  });

  it('GIVEN daily 01:30 in Europe/London on the spring-forward night THEN it runs once, just after the gap', () => {
    expect(runs('daily 01:30', 'Europe/London', '2026-03-28T00:00:00Z', 3)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z', // 01:30 does not exist; 02:00 BST
      '2026-03-30T00:30:00.000Z',
    ]);
  });

  it('GIVEN daily 01:30 in America/New_York on the fall-back night THEN it runs once, at the first 01:30', () => {
    expect(runs('daily 01:30', 'America/New_York', '2026-10-31T12:00:00Z', 2)).toEqual([
      '2026-11-01T05:30:00.000Z', // 01:30 EDT; the repeated 01:30 EST is not a second run
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('GIVEN weekdays 07:30 THEN the weekend is skipped', () => {
    expect(runs('weekdays 07:30', 'UTC', '2026-03-27T08:00:00Z', 2)).toEqual(['2026-03-30T07:30:00.000Z', '2026-03-31T07:30:00.000Z']);
  });

  it('GIVEN a run exactly now THEN it counts as the latest run at or before now', () => {
    const s = spec('daily 08:00', 'Europe/London');
    expect(latestRunAtOrBefore(s.cron, s.zone, new Date('2026-03-29T07:00:00.000Z'))?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(latestRunAtOrBefore(s.cron, s.zone, new Date('2026-03-29T06:59:59.999Z'))?.toISOString()).toBe('2026-03-28T08:00:00.000Z');
  });
});
