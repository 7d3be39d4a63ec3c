import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, unlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LiveCorpus } from '../../src/index/live.js';
import { loadBriefingIndex } from '../../src/index/load.js';
import type { BriefingIndex } from '../../src/index/briefingIndex.js';

const dirs: string[] = [];
const live: LiveCorpus[] = [];
afterEach(() => {
  for (const l of live.splice(0)) l.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'bb-live-'));
  dirs.push(d);
  writeFileSync(path.join(d, 'a.txt'), 'At least 12 people were killed in the storm, officials said.\n');
  return d;
}

function past(file: string): void {
  const t = new Date(Date.now() - 60_000);
  utimesSync(file, t, t);
}

async function until(cond: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function make(dir: string, opts: Partial<ConstructorParameters<typeof LiveCorpus>[0]> = {}) {
  let loads = 0;
  const l = new LiveCorpus({
    corpusDir: dir,
    load: async () => {
      loads++;
      return loadBriefingIndex({ corpusDir: dir, cacheDir: null });
    },
    debounceMs: 100,
    settleMs: 300,
    rescanMs: 60_000,
    ...opts,
  });
  live.push(l);
  return { l, loads: () => loads };
}

describe('live corpus', () => {
  it('GIVEN a file added while running THEN it is picked up within seconds and swapped in whole', async () => {
    const dir = folder();
    const { l } = make(dir);
    const first = await l.start();
    expect(first.articles()).toHaveLength(1);
    const swaps: BriefingIndex[] = [];
    l.onSwap((i) => swaps.push(i));
    const f = path.join(dir, 'b.txt');
    writeFileSync(f, 'More than 300 people were displaced by the floods, the ministry said.\n');
    past(f);
    await until(() => l.current().articles().length === 2);
    // the old snapshot is untouched: a command that started on it finishes on it
    expect(first.articles()).toHaveLength(1);
    expect(swaps).toHaveLength(1);
    expect(l.current().figures().map((c) => c.kind).sort()).toEqual(['displaced', 'killed']);
  });

  it('GIVEN a file removed THEN it leaves the corpus', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'b.txt'), 'Two soldiers were wounded, the army said.\n');
    const { l } = make(dir);
    await l.start();
    expect(l.current().articles()).toHaveLength(2);
    unlinkSync(path.join(dir, 'b.txt'));
    await until(() => l.current().articles().length === 1);
  });

  it('GIVEN a file still being written THEN it is not read until it has been quiet', async () => {
    const dir = folder();
    let now = Date.now();
    const { l, loads } = make(dir, { clock: () => now, settleMs: 5_000 });
    await l.start({ watch: false });
    writeFileSync(path.join(dir, 'half.txt'), 'Rescuers said 40 people were missing');
    // modified just now: the reload waits
    expect(await l.reloadIfChanged('test')).toBeNull();
    expect(loads()).toBe(1);
    now += 10_000;
    const r = await l.reloadIfChanged('test');
    expect(r?.articles).toBe(2);
    expect(loads()).toBe(2);
  });

  it('GIVEN nothing changed THEN the periodic rescan does not rebuild', async () => {
    const dir = folder();
    const { l, loads } = make(dir);
    await l.start({ watch: false });
    expect(await l.reloadIfChanged('rescan')).toBeNull();
    expect(loads()).toBe(1);
  });

  it('GIVEN a reload that fails THEN the previous snapshot keeps serving', async () => {
    const dir = folder();
    let fail = false;
    const l = new LiveCorpus({ corpusDir: dir, load: async () => { if (fail) throw new Error('disk on fire'); return loadBriefingIndex({ corpusDir: dir, cacheDir: null }); } });
    live.push(l);
    const first = await l.start({ watch: false });
    fail = true;
    const r = await l.reload('test');
    expect(r.changed).toBe(false);
    expect(r.reason).toMatch(/failed: disk on fire/);
    expect(l.current()).toBe(first);
  });

  it('GIVEN two reload requests at once THEN they do not run concurrently', async () => {
    const dir = folder();
    let active = 0;
    let maxActive = 0;
    const l = new LiveCorpus({
      corpusDir: dir,
      load: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 50));
        active--;
        return loadBriefingIndex({ corpusDir: dir, cacheDir: null });
      },
    });
    live.push(l);
    await l.start({ watch: false });
    await Promise.all([l.reload(), l.reload(), l.reload()]);
    await until(() => active === 0);
    expect(maxActive).toBe(1);
  });
});

describe('live corpus: the lighter form of a snapshot', () => {
  it('GIVEN a cold load with a cache THEN the snapshot-backed index replaces it once written, with the same answers', async () => {
    const { snapshotBacked } = await import('../../src/index/load.js');
    const dir = folder();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'bb-live-cache-'));
    dirs.push(cacheDir);
    const offered: (BriefingIndex | null)[] = [];
    const { l } = make(dir, {
      load: () => loadBriefingIndex({ corpusDir: dir, cacheDir }),
      lighten: async (i) => {
        const lean = await snapshotBacked(i, { corpusDir: dir, cacheDir });
        offered.push(lean);
        return lean;
      },
    });
    const first = await l.start({ watch: false });
    await until(() => offered.length === 1);
    expect(offered[0]).not.toBeNull();
    expect(l.current()).toBe(offered[0]);
    expect(l.current()).not.toBe(first);
    expect(l.current().figures({}).map((c) => [c.kind, c.low])).toEqual(first.figures({}).map((c) => [c.kind, c.low]));
  });

  it('GIVEN a reload that finished while the lighter form was being read THEN the reload result is kept', async () => {
    const dir = folder();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { l } = make(dir, {
      lighten: async (i) => {
        await gate;
        return i; // a stand-in for the lighter form of the first snapshot
      },
    });
    const first = await l.start({ watch: false });
    writeFileSync(path.join(dir, 'b.txt'), 'Rescuers found 3 more bodies on Tuesday, police said.\n');
    await l.reload('test');
    const second = l.current();
    expect(second).not.toBe(first);
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(l.current()).toBe(second);
  });
});
