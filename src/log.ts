/**
 * A tiny structured logger. One JSON line per event on stderr, so stdout stays
 * clean for the CLI's `--json`. Secrets registered with `redact()` never appear.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const secrets = new Set<string>();
let threshold: number = LEVELS.info;
let sink: (line: string) => void = (line) => process.stderr.write(line + '\n');

/** Registers a value (a token) that must never be logged. */
export function redact(secret: string | undefined): void {
  if (secret && secret.length >= 6) secrets.add(secret);
}

export function scrub(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}

export function setLogLevel(level: Level): void {
  threshold = LEVELS[level];
}

/** Tests capture log lines with this. */
export function setLogSink(fn: (line: string) => void): void {
  sink = fn;
}

function emit(level: Level, msg: string, fields?: Record<string, unknown>): void {
  if (LEVELS[level] < threshold) return;
  const rec: Record<string, unknown> = { t: new Date().toISOString(), level, msg };
  if (fields) {
    for (const [k, v] of Object.entries(fields)) {
      rec[k] = v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v;
    }
  }
  sink(scrub(JSON.stringify(rec)));
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => emit('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => emit('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => emit('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => emit('error', msg, fields),
};

/**
 * At most one line per key per `windowMs`; the next line says how many were left
 * out. For events anyone outside can cause at will (commands from a server that is
 * not on the allow-list), so they cannot flood the log.
 *
 * @example
 *   const refusals = createLogThrottle();
 *   refusals(guildId, (suppressed) => log.warn('interaction refused', { guild: guildId, suppressed }));
 */
export function createLogThrottle(windowMs = 60_000, clock: () => number = Date.now): (key: string, write: (suppressed: number) => void) => void {
  const seen = new Map<string, { at: number; suppressed: number }>();
  return (key, write) => {
    const now = clock();
    const s = seen.get(key);
    if (s && now - s.at < windowMs) {
      s.suppressed++;
      return;
    }
    write(s?.suppressed ?? 0);
    seen.set(key, { at: now, suppressed: 0 });
    if (seen.size > 10_000) {
      for (const [k, v] of seen) if (now - v.at >= windowMs) seen.delete(k);
      if (seen.size > 10_000) seen.clear();
    }
  };
}
