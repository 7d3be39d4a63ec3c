/**
 * Reads what a user types as a schedule ("daily 08:00", "every 2h", a cron
 * expression) into a cron pattern plus a human label. Pure: no clock, no I/O
 * beyond asking croner whether a cron expression is valid.
 */
import { cronProblem } from './cron.js';
import { resolveZone } from './zone.js';

export interface ScheduleSpec {
  /** A croner pattern: 6 fields (seconds first) for the friendly forms, as typed for cron. */
  cron: string;
  /** How the schedule reads in a list: "weekdays at 07:30", "every 2 hours", "cron 0 8 * * 1-5". */
  label: string;
  /** Canonical IANA zone the cron is read in. */
  zone: string;
}

export type ParseResult = { ok: true; spec: ScheduleSpec } | { ok: false; message: string };

const EXAMPLES = 'Try: daily 08:00, weekdays 07:30, every 2h, or a cron expression like 0 8 * * 1-5.';

const DAYS: readonly { names: readonly string[]; cron: number; label: string }[] = [
  { names: ['sunday', 'sun'], cron: 0, label: 'Sundays' },
  { names: ['monday', 'mon'], cron: 1, label: 'Mondays' },
  { names: ['tuesday', 'tue', 'tues'], cron: 2, label: 'Tuesdays' },
  { names: ['wednesday', 'wed'], cron: 3, label: 'Wednesdays' },
  { names: ['thursday', 'thu', 'thur', 'thurs'], cron: 4, label: 'Thursdays' },
  { names: ['friday', 'fri'], cron: 5, label: 'Fridays' },
  { names: ['saturday', 'sat'], cron: 6, label: 'Saturdays' },
];

const HOUR_STEPS = [1, 2, 3, 4, 6, 8, 12, 24];
const MINUTE_STEPS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];

/**
 * Parses a schedule in a time zone.
 *
 * Friendly forms: `daily 08:00`, `weekdays 07:30`, `weekends 9:00`, `mondays 08:00`
 * (any weekday, singular or plural, optional "every"/"on"/"at", times as 08:00, 8:00,
 * 8am or 8:30pm), `every 2h`, `every 30m`, `hourly`. Anything starting like a cron
 * field is read as a 5-field cron or a 6-field cron with seconds first.
 *
 * @example parseSchedule('weekdays 07:30', 'Europe/London')
 * // { ok: true, spec: { cron: '0 30 7 * * 1-5', label: 'weekdays at 07:30', zone: 'Europe/London' } }
 */
export function parseSchedule(text: string, zone: string, now: Date = new Date(0)): ParseResult {
  const z = resolveZone(zone);
  if (!z.ok) return z;
  const raw = text.replace(/\s+/g, ' ').trim();
  if (raw === '') return { ok: false, message: `A schedule is needed. ${EXAMPLES}` };
  const friendly = parseFriendly(raw.toLowerCase());
  if (friendly) {
    if ('message' in friendly) return { ok: false, message: friendly.message };
    return { ok: true, spec: { ...friendly, zone: z.zone } };
  }
  if (looksLikeCron(raw)) {
    const problem = cronProblem(raw, z.zone, now);
    if (problem) {
      return {
        ok: false,
        message: `Invalid cron expression "${raw.slice(0, 60)}": ${problem}. Use 5 fields (minute hour day month weekday) or 6 with seconds first, e.g. 0 8 * * 1-5.`,
      };
    }
    return { ok: true, spec: { cron: raw, label: `cron ${raw}`, zone: z.zone } };
  }
  return { ok: false, message: `Unrecognised schedule "${raw.slice(0, 60)}". ${EXAMPLES}` };
}

type Friendly = { cron: string; label: string } | { message: string } | null;

function parseFriendly(s: string): Friendly {
  if (s === 'hourly' || s === 'every hour') return parseEvery('hour');
  let m = /^every\s+(\d+\s*(?:h|hr|hrs|hours?|m|min|mins|minutes?))$/.exec(s);
  if (m) return parseEvery(m[1]!);

  m = /^(daily|every day|weekdays|every weekday|weekends|every weekend|(?:every |on )?([a-z]+?)s?)\s+(?:at\s+)?(.+)$/.exec(s);
  if (!m) return null;
  const [, head, dayWord, timeText] = m as unknown as [string, string, string | undefined, string];
  let dow: string;
  let prefix: string;
  if (head === 'daily' || head === 'every day') {
    dow = '*';
    prefix = 'daily';
  } else if (head.includes('weekday')) {
    dow = '1-5';
    prefix = 'weekdays';
  } else if (head.includes('weekend')) {
    dow = '0,6';
    prefix = 'weekends';
  } else {
    const day = DAYS.find((d) => d.names.includes(dayWord ?? ''));
    if (!day) return null;
    dow = String(day.cron);
    prefix = day.label;
  }
  const time = parseTime(timeText);
  if (!time) return null;
  if ('message' in time) return time;
  const hh = String(time.hour).padStart(2, '0');
  const mm = String(time.minute).padStart(2, '0');
  return { cron: `0 ${time.minute} ${time.hour} * * ${dow}`, label: `${prefix} at ${hh}:${mm}` };
}

function parseEvery(amount: string): Friendly {
  if (amount === 'hour' || amount === 'hourly') return { cron: '0 0 * * * *', label: 'every hour' };
  const m = /^(\d+)\s*([a-z]+)$/.exec(amount)!;
  const n = Number(m[1]);
  const inHours = m[2]!.startsWith('h');
  const minutes = inHours ? n * 60 : n;
  if (minutes <= 0) return { message: 'The interval must be at least 1 minute.' };
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    if (!HOUR_STEPS.includes(hours)) {
      return { message: `every ${hours}h doesn't divide a day evenly; use 1, 2, 3, 4, 6, 8 or 12 hours, or a cron expression.` };
    }
    if (hours === 24) return { cron: '0 0 0 * * *', label: 'daily at 00:00' };
    return hours === 1 ? { cron: '0 0 * * * *', label: 'every hour' } : { cron: `0 0 */${hours} * * *`, label: `every ${hours} hours` };
  }
  if (!MINUTE_STEPS.includes(minutes)) {
    return { message: `every ${minutes}m doesn't divide an hour evenly; use 5, 10, 15, 20 or 30 minutes, or a cron expression.` };
  }
  return minutes === 1 ? { cron: '0 * * * * *', label: 'every minute' } : { cron: `0 */${minutes} * * * *`, label: `every ${minutes} minutes` };
}

/** 08:00, 8:00, 8am, 8:30pm, 20.30. A bare "8" is refused rather than guessed. */
function parseTime(text: string): { hour: number; minute: number } | { message: string } | null {
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$/.exec(text.trim());
  if (!m) return null;
  const [, h, min, ampm] = m;
  if (min === undefined && ampm === undefined) {
    return { message: `Give the time as HH:MM (24-hour) or with am/pm, e.g. ${String(Number(h)).padStart(2, '0')}:00 or ${Number(h)}am.` };
  }
  let hour = Number(h);
  const minute = min === undefined ? 0 : Number(min);
  if (ampm) {
    if (hour < 1 || hour > 12) return { message: `"${text}" is not a valid time: with am/pm the hour is 1-12.` };
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return { message: `"${text}" is not a valid time: use 00:00 to 23:59.` };
  return { hour, minute };
}

function looksLikeCron(s: string): boolean {
  if (s.startsWith('@')) return true;
  const fields = s.split(' ');
  return fields.length >= 5 && /^[\d*?]/.test(fields[0]!);
}
