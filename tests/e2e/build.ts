/**
 * `dist/` for the tests that run the real process (`node dist/src/main.js`): built
 * with `tsc -p .` when a source is newer than the last build, once at a time across
 * the test files that vitest runs in parallel (a lock folder), so no test starts a
 * process while another rewrites its files. `npm test` builds first, so this
 * usually finds nothing to do.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN_JS = join(ROOT, 'dist/src/main.js');
const LOCK = join(tmpdir(), `briefbot-build-${Buffer.from(ROOT).toString('hex').slice(-16)}.lock`);

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function stale(): boolean {
  let built = 0;
  try {
    built = statSync(MAIN_JS).mtimeMs;
  } catch {
    return true;
  }
  return Math.max(newestSource(join(ROOT, 'src')), newestSource(join(ROOT, 'commands'))) > built;
}

/** Builds `dist/` if any source changed since the last build; returns tsc's output when it ran. */
export async function buildOnce(): Promise<string> {
  for (const end = Date.now() + 120_000; ; ) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes is left over from a killed run.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* gone already */
      }
      if (Date.now() > end) throw new Error(`waited two minutes for ${LOCK}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!stale()) return '';
    // Other files may be mid-edit with type errors; tsc still emits, and main.js must exist.
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', ROOT], { encoding: 'utf8' });
    statSync(MAIN_JS);
    return r.stdout;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
