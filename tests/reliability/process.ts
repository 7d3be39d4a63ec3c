/**
 * The real process for the reliability tests: `node dist/src/main.js`, configured
 * only through a clean environment, with its log lines collected.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { MAIN_JS, ROOT } from '../e2e/build.js';

export const SEEDS = join(ROOT, 'seeds');

export interface BotProcess {
  child: ChildProcess;
  /** Everything written to stderr so far (one JSON log line per event). */
  stderr(): string;
  stdout(): string;
  /** Parsed log lines so far. */
  logs(): Record<string, any>[];
  /** Resolves when the process exits, with when it did. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Resolves with the first log line matching `test` (already written ones count). */
  waitForLog(test: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  /** `http://127.0.0.1:<port>/health`, once the health server listens (empty without one). */
  healthUrl: string;
}

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  args?: string[];
  /** Node flags, e.g. `--import` a preload. */
  execArgv?: string[];
  /** Wait for the health server (default true when HEALTH_PORT is set and not off). */
  waitForHealth?: boolean;
  stdin?: 'ignore' | 'pipe';
}

/** A clean environment for main.js run in `cwd`: nothing from the developer's shell or .env leaks in. */
export function botEnv(cwd: string, env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: cwd, NODE_ENV: 'production', CORPUS_DIR: SEEDS, CACHE_DIR: 'off', ...env };
}

/** Starts main.js with only PATH, HOME and `env` in its environment. */
export async function spawnBot(opts: SpawnOptions): Promise<BotProcess> {
  const child = spawn(process.execPath, [...(opts.execArgv ?? []), MAIN_JS, ...(opts.args ?? [])], {
    cwd: opts.cwd,
    env: botEnv(opts.cwd, opts.env),
    stdio: [opts.stdin ?? 'ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  child.stderr!.setEncoding('utf8');
  child.stdout!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (err += d));
  child.stdout!.on('data', (d: string) => (out += d));
  const logs = () =>
    err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l) as Record<string, any>;
        } catch {
          return {};
        }
      });
  const waitForLog = async (test: (line: Record<string, any>) => boolean, timeoutMs = 20_000) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const hit = logs().find(test);
      if (hit) return hit;
      if (Date.now() > end || child.exitCode !== null) throw new Error(`no such log line within ${timeoutMs} ms (exit ${child.exitCode}):\n${err.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const bot: BotProcess = { child, stderr: () => err, stdout: () => out, logs, exited, waitForLog, healthUrl: '' };
  const wantsHealth = opts.waitForHealth ?? (opts.env.HEALTH_PORT !== undefined && !/^(off|none|false)$/i.test(opts.env.HEALTH_PORT));
  if (wantsHealth) {
    const line = await waitForLog((l) => l.msg === 'health server listening');
    bot.healthUrl = `http://127.0.0.1:${line.port}/health`;
  }
  return bot;
}

/** Polls /health until it answers `status` (200 for ready). */
export async function waitForHealth(url: string, status = 200, timeoutMs = 30_000): Promise<any> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await fetch(url).catch(() => null);
    if (r?.status === status) return r.json();
    if (Date.now() > end) throw new Error(`/health did not answer ${status} within ${timeoutMs} ms (last: ${r?.status})`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
