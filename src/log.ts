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
