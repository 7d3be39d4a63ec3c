/**
 * The live corpus as the process wires it (`startBriefbot`: watcher, debounce,
 * periodic rescan, incremental reloads): files added, changed and removed are
 * picked up within seconds, only what changed is extracted again, a half-written
 * file is never read, the rescan catches what the watcher misses, and commands
 * running during a swap each see one whole snapshot.
 */
import { appendFileSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { dispatch } from '../../src/dispatch.js';
import { sectionSize } from '../../src/core/reply.js';
import type { BriefingIndex } from '../../src/index/briefingIndex.js';
import { LiveCorpus } from '../../src/index/live.js';
import { reloadBriefingIndex, statsOf } from '../../src/index/load.js';
import { setLogSink } from '../../src/log.js';
import { startBriefbot, type Briefbot } from '../../src/main.js';

const dirs: string[] = [];
const stops: (() => unknown)[] = [];
const logs: string[] = [];
setLogSink((l) => logs.push(l));

afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** A file that was last written a minute ago (settled). */
function settled(file: string, text: string): void {
  writeFileSync(file, text);
  const t = new Date(Date.now() - 60_000);
  utimesSync(file, t, t);
}

const STORIES = {
  'a.txt': 'Kyiv Independent\n\nAt least 12 people were killed in a drone strike on Sumy, officials said on Monday.\n',
  'b.txt': 'Euronews\n\nMore than 300 people were evacuated from villages near Kursk, the governor said on Tuesday.\n',
  'c.txt': 'AP\n\nTwo soldiers were wounded in shelling near Belgorod, the army said on Wednesday.\n',
};

async function bot(): Promise<{ bot: Briefbot; dir: string }> {
  const dir = tempDir('bb-live-corpus-');
  for (const [name, text] of Object.entries(STORIES)) settled(path.join(dir, name), text);
  const config = loadConfig({ CORPUS_DIR: dir, DATA_DIR: tempDir('bb-live-data-'), CACHE_DIR: 'off', HEALTH_PORT: 'off' }, []);
  const b = await startBriefbot(config, { commands });
  stops.push(() => b.stop());
  return { bot: b, dir };
}

async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what} not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - start;
}

const figures = (index: BriefingIndex) => index.figures().map((f) => f.low).sort((x, y) => x - y);

describe('the live corpus of a running bot', () => {
  it('GIVEN files added, changed and removed THEN each is served within seconds, and only the changed file is extracted again', async () => {
    const { bot: b, dir } = await bot();
    expect(b.corpus.current().articles()).toHaveLength(3);

    writeFileSync(path.join(dir, 'd.txt'), 'Reuters\n\nAround 1,500 troops were deployed to the border, the ministry said on Thursday.\n');
    const addMs = await until(() => b.corpus.current().articles().length === 4, 10_000, 'the added file');
    expect(statsOf(b.corpus.current())).toMatchObject({ extracted: 1, reused: 3 });

    writeFileSync(path.join(dir, 'b.txt'), 'Euronews\n\nMore than 450 people were evacuated from villages near Kursk, the governor said on Tuesday.\n');
    const changeMs = await until(() => figures(b.corpus.current()).includes(450), 10_000, 'the changed file');
    expect(figures(b.corpus.current())).not.toContain(300);
    expect(statsOf(b.corpus.current())).toMatchObject({ extracted: 1, reused: 3 });

    unlinkSync(path.join(dir, 'c.txt'));
    const removeMs = await until(() => b.corpus.current().articles().length === 3, 10_000, 'the removed file');
    expect(b.corpus.current().articles().map((a) => a.file).sort()).toEqual(['a.txt', 'b.txt', 'd.txt']);

    // /sources says what is loaded and when.
    const sources = await dispatch({ index: b.corpus.current(), now: new Date(), commands }, 'sources', {});
    expect(sources.kind === 'answer' && sources.notes[0]).toBe(`3 articles (3 independent reports) loaded from ${dir} at ${b.corpus.current().loadedAt.toISOString()}.`);
    expect(Math.max(addMs, changeMs, removeMs)).toBeLessThan(10_000);
    expect(logs.filter((l) => l.includes('"msg":"corpus reloaded"')).length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('GIVEN a terminal THEN the first load draws a progress bar there and clears it before the bot is ready; reloads draw none', async () => {
    const dir = tempDir('bb-live-corpus-');
    for (const [name, text] of Object.entries(STORIES)) settled(path.join(dir, name), text);
    const config = loadConfig({ CORPUS_DIR: dir, DATA_DIR: tempDir('bb-live-data-'), CACHE_DIR: 'off', HEALTH_PORT: 'off' }, []);
    const drawn: string[] = [];
    const b = await startBriefbot(config, { commands, progress: { isTTY: true, columns: 100, write: (s) => drawn.push(s) } });
    stops.push(() => b.stop());
    expect(drawn.some((s) => s.includes('Loading articles [') && s.includes('3/3'))).toBe(true);
    expect(drawn.at(-1)).toBe('\r\x1b[K');
    const before = drawn.length;
    writeFileSync(path.join(dir, 'd.txt'), 'Reuters\n\nAround 1,500 troops were deployed to the border, the ministry said on Thursday.\n');
    await until(() => b.corpus.current().articles().length === 4, 10_000, 'the added file');
    expect(drawn).toHaveLength(before);
  }, 60_000);

  it('GIVEN commands running while five articles arrive THEN each command sees the corpus before or after, never a mix', async () => {
    const { bot: b, dir } = await bot();
    const seen = new Set<number>();
    const mismatches: string[] = [];
    let stop = false;
    const ask = async () => {
      while (!stop) {
        const index = b.corpus.current();
        const reply = await dispatch({ index, now: new Date(), commands }, 'sources', {});
        if (reply.kind !== 'answer') continue;
        const said = Number(/^(\d+) article/.exec(reply.notes[0]!)![1]);
        const listed = reply.sections.reduce((n, s) => n + sectionSize(s), 0);
        seen.add(said);
        if (said !== listed || said !== index.articles().length) mismatches.push(`said ${said}, listed ${listed}`);
        await new Promise((r) => setImmediate(r));
      }
    };
    const askers = Array.from({ length: 4 }, ask);
    for (let k = 0; k < 5; k++) writeFileSync(path.join(dir, `new-${k}.txt`), `Wire ${k}\n\nAt least ${20 + k} people were hurt in Kharkiv, officials said on Friday.\n`);
    await until(() => b.corpus.current().articles().length === 8, 15_000, 'the five new files');
    await new Promise((r) => setTimeout(r, 200));
    stop = true;
    await Promise.all(askers);
    expect(mismatches).toEqual([]);
    // Before (3) and after (8): no command saw a corpus in between.
    expect([...seen].filter((n) => n !== 3 && n !== 8)).toEqual([]);
    expect(seen.has(8)).toBe(true);
  }, 60_000);
});

describe('the live corpus on its own', () => {
  function live(dir: string, opts: Partial<ConstructorParameters<typeof LiveCorpus>[0]>): LiveCorpus {
    const l = new LiveCorpus({ corpusDir: dir, load: (previous) => reloadBriefingIndex(previous, { corpusDir: dir, cacheDir: null }), ...opts });
    stops.push(() => l.stop());
    return l;
  }

  it('GIVEN a file written slowly, in pieces THEN no snapshot ever holds a piece of it, and the whole file is served once it is complete', async () => {
    const dir = tempDir('bb-half-');
    settled(path.join(dir, 'a.txt'), STORIES['a.txt']);
    const l = live(dir, { debounceMs: 100, settleMs: 600 });
    await l.start();
    const snapshots: BriefingIndex[] = [];
    l.onSwap((i) => snapshots.push(i));
    const file = path.join(dir, 'slow.txt');
    const pieces = ['Wire\n\n', 'At least 70 people ', 'were injured in Odesa, ', 'officials said. ', 'Rescuers said 9 people ', 'were still missing on Saturday.\n'];
    for (const piece of pieces) {
      appendFileSync(file, piece);
      await new Promise((r) => setTimeout(r, 200));
    }
    await until(() => l.current().articles().length === 2, 10_000, 'the finished file');
    for (const s of snapshots) {
      const slow = s.articles().find((a) => a.file === 'slow.txt');
      if (slow) expect(slow.body).toContain('were still missing on Saturday.');
    }
    expect(snapshots.length).toBeGreaterThan(0);
  }, 30_000);

  it('GIVEN a change the file watcher does not report THEN the periodic rescan picks it up', async () => {
    const dir = tempDir('bb-rescan-');
    settled(path.join(dir, 'a.txt'), STORIES['a.txt']);
    // The watcher's reload is scheduled a minute out; only the rescan can be quicker.
    const l = live(dir, { debounceMs: 60_000, settleMs: 100, rescanMs: 300 });
    await l.start();
    settled(path.join(dir, 'b.txt'), STORIES['b.txt']);
    const ms = await until(() => l.current().articles().length === 2, 5_000, 'the rescan');
    expect(ms).toBeLessThan(5_000);
  }, 30_000);
});
