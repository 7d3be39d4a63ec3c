/**
 * IANA time zone names, checked with the runtime's own Intl data (no zone table
 * of our own to go stale).
 */

export type ZoneResult = { ok: true; zone: string } | { ok: false; message: string };

/**
 * Validates an IANA zone name and returns its canonical spelling.
 *
 * @example resolveZone('europe/london') // { ok: true, zone: 'Europe/London' }
 * @example resolveZone('London')        // { ok: false, message: 'Unknown time zone "London". Did you mean Europe/London? ...' }
 */
export function resolveZone(name: string): ZoneResult {
  const trimmed = name.trim();
  if (trimmed !== '' && !/[\s,;]/.test(trimmed)) {
    try {
      const zone = new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
      return { ok: true, zone };
    } catch {
      // fall through to the suggestion
    }
  }
  const shown = trimmed.slice(0, 40);
  const guess = suggestZone(trimmed);
  const hint = guess ? ` Did you mean ${guess}?` : '';
  return { ok: false, message: `Unknown time zone "${shown}".${hint} Use an IANA name such as Europe/London, America/New_York or UTC.` };
}

function knownZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
}

/** "london" -> Europe/London, "Europe/Londn" -> Europe/London. */
function suggestZone(input: string): string | null {
  const wanted = input.toLowerCase().replace(/\s+/g, '_');
  if (wanted.length < 3) return null;
  const zones = knownZones();
  const byCity = zones.find((z) => z.toLowerCase().split('/').pop() === wanted);
  if (byCity) return byCity;
  let best: { zone: string; distance: number } | null = null;
  for (const zone of zones) {
    const d = editDistance(zone.toLowerCase(), wanted);
    if (d <= 2 && (!best || d < best.distance)) best = { zone, distance: d };
  }
  return best?.zone ?? null;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
