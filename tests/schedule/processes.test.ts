/**
 * Exactly once across two real bot processes sharing one database file. The
 * scheduler's sources are transpiled (no type-check) into a temp directory so a
 * plain `node` child can run them; both children tick in lock-step on the wall
 * clock, each with its own fake clock, and record every post in one file.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScheduleStore } from '../../src/schedule/store.js';
import { DAILY_BRIEF, tempDataDir } from './fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

const WORKER = `
import { appendFileSync } from 'node:fs';
import { answer } from './src/core/reply.js';
import { setLogSink } from './src/log.js';
import { Scheduler } from './src/schedule/scheduler.js';
import { ScheduleStore } from './src/schedule/store.js';

const [dataDir, id, startIso, stepsText, goAtText, outFile] = process.argv.slice(2);
setLogSink(() => {});
const store = ScheduleStore.open({ dataDir });
let now = new Date(startIso);
const scheduler = new Scheduler({
  store,
  clock: () => now,
  instanceId: id,
  render: async (s, req) => answer(s.command, 'post', { data: { dueAt: req.dueAt.toISOString() } }),
  deliver: async (s, reply) => appendFileSync(outFile, s.id + ' ' + reply.data.dueAt + ' ' + id + '\\n'),
});
const goAt = Number(goAtText);
for (let i = 1; i <= Number(stepsText); i++) {
  const wait = goAt + i * 15 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  now = new Date(new Date(startIso).getTime() + i * 10_000);
  await scheduler.tick();
}
await scheduler.stop();
store.close();
`;

let build: ReturnType<typeof tempDataDir>;

beforeAll(() => {
  build = tempDataDir();
  const files = ['src/log.ts', 'src/core/reply.ts', ...readdirSync(join(ROOT, 'src/schedule')).filter((f) => f.endsWith('.ts')).map((f) => `src/schedule/${f}`)];
  for (const file of files) {
    const out = ts.transpileModule(readFileSync(join(ROOT, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    }).outputText;
    const target = join(build.dir, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, out);
  }
  writeFileSync(join(build.dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(join(build.dir, 'worker.js'), WORKER);
  symlinkSync(join(ROOT, 'node_modules'), join(build.dir, 'node_modules'));
});
afterAll(() => build.cleanup());

describe('Scheduler: two processes', () => {
  it('GIVEN two bot processes on one database file ticking together THEN every due run is posted exactly once', async () => {
    const data = tempDataDir();
    try {
      const setup = ScheduleStore.open({ dataDir: data.dir });
      const start = '2026-03-28T06:00:00Z';
      const every20s = setup.insertSchedule({ ...DAILY_BRIEF, cron: '*/20 * * * * *', label: 'cron */20 * * * * *' }, new Date(start));
      const everyMinute = setup.insertSchedule({ ...DAILY_BRIEF, cron: '0 * * * * *', label: 'every minute', channelId: 'C2' }, new Date(start));
      setup.close();

      const out = join(data.dir, 'posts.log');
      writeFileSync(out, '');
      const steps = 60; // ten fake minutes in 10-second steps, 15 ms of wall clock apart
      const goAt = String(Date.now() + 400);
      const worker = join(build.dir, 'worker.js');
      await Promise.all(['P1', 'P2'].map((id) => run(process.execPath, [worker, data.dir, id, start, String(steps), goAt, out])));

      const posts = readFileSync(out, 'utf8').trim().split('\n').map((line) => line.split(' '));
      const keys = posts.map(([schedule, dueAt]) => `${schedule}@${dueAt}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(posts.filter(([s]) => s === every20s.id)).toHaveLength(30);
      expect(posts.filter(([s]) => s === everyMinute.id)).toHaveLength(10);

      const check = ScheduleStore.open({ dataDir: data.dir });
      for (const s of [every20s, everyMinute]) expect(check.runs(s.id).every((r) => r.status === 'posted')).toBe(true);
      check.close();
    } finally {
      data.cleanup();
    }
  });
});
