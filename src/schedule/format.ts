/**
 * Dates and invocations as people read them. Calendar questions ("is that
 * yesterday in Kyiv?") are answered by Intl in the schedule's zone.
 */
import type { SchedulePlatform } from './types.js';

function parts(date: Date, zone: string): { ymd: string; weekday: string; day: string; month: string; year: string; time: string } {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  const num = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  return { ymd: num, weekday: p.weekday!, day: p.day!, month: p.month!, year: p.year!, time: `${p.hour}:${p.minute}` };
}

/** Days between two YYYY-MM-DD calendar dates (no time zone involved). */
function calendarDays(fromYmd: string, toYmd: string): number {
  const toUtc = (ymd: string) => {
    const [y, m, d] = ymd.split('-').map(Number);
    return Date.UTC(y!, m! - 1, d!);
  };
  return Math.round((toUtc(toYmd) - toUtc(fromYmd)) / 86_400_000);
}

/**
 * How a previous post's time reads from a later one, in the schedule's zone:
 * "today 06:00", "yesterday 08:00", "Monday 08:00", "3 Mar 08:00", "3 Mar 2025 08:00".
 *
 * @example sinceLabel(new Date('2026-03-28T08:00:00Z'), new Date('2026-03-29T07:00:00Z'), 'Europe/London') // "yesterday 08:00"
 */
export function sinceLabel(previous: Date, at: Date, zone: string): string {
  const p = parts(previous, zone);
  const a = parts(at, zone);
  const days = calendarDays(p.ymd, a.ymd);
  if (days === 0) return `today ${p.time}`;
  if (days === 1) return `yesterday ${p.time}`;
  if (days > 1 && days < 7) return `${p.weekday} ${p.time}`;
  return p.year === a.year ? `${p.day} ${p.month} ${p.time}` : `${p.day} ${p.month} ${p.year} ${p.time}`;
}

/**
 * A run time for a list: "Mon 30 Mar 2026 08:00 (Europe/London)".
 */
export function formatRunTime(date: Date, zone: string): string {
  const p = parts(date, zone);
  return `${p.weekday.slice(0, 3)} ${p.day} ${p.month} ${p.year} ${p.time} (${zone})`;
}

/** How to run a schedule action on a platform: "/schedule resume id:k7p2xq" or "/brief schedule resume k7p2xq". */
export function invocation(platform: SchedulePlatform | 'console', action: string, id?: string): string {
  if (platform === 'slack') return `/brief schedule ${action}${id ? ` ${id}` : ''}`;
  return `/schedule ${action}${id ? ` id:${id}` : ''}`;
}
