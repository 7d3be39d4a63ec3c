/**
 * Junk in the corpus folder, through the full load and through a running bot:
 * every bad file is loaded or skipped with exactly one clear warning, nothing
 * crashes, and the good articles are all served. Files dropped into the folder
 * while the bot runs are picked up the same way, and /sources says what happened.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../src/adapters/discord/adapter.js';
import type { LoadWarning } from '../../src/core/types.js';
import { dispatch } from '../../src/dispatch.js';
import type { BriefingIndex } from '../../src/index/briefingIndex.js';
import { sectionStatements } from '../../src/core/reply.js';
import { LiveCorpus } from '../../src/index/live.js';
import { loadBriefingIndex } from '../../src/index/load.js';
import { setLogSink } from '../../src/log.js';
import { DiscordPeer, GUILD_ID } from '../peers/discord.js';
import { buildOnce, ROOT } from '../e2e/build.js';

const SEEDS = path.join(ROOT, 'seeds');
const NOW = new Date('2025-04-30T12:00:00Z');
const isRoot = process.getuid?.() === 0;

let outside: string;
const dirs: string[] = [];
const logs: string[] = [];

/** A folder with two real articles. */
function goodFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bb-junk-'));
  dirs.push(dir);
  copyFileSync(path.join(SEEDS, '000_357d44f1acaf523f.txt'), path.join(dir, 'express-star.txt'));
  copyFileSync(path.join(SEEDS, '003_d1f3a4ea73cfd1a9.txt'), path.join(dir, 'euronews.md'));
  return dir;
}

/** Every kind of bad input the issue lists; returns the expected fate of each file. */
function addJunk(dir: string): Record<string, RegExp | 'loaded'> {
  const seed = (n: string) => path.join(SEEDS, n);
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 society: 12 people were hurt in Kursk, officials said.', 'latin1'));
  writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Rescuers reached the village of Sudzha on Tuesday, the governor said.', 'utf16le')]));
  writeFileSync(path.join(dir, 'crlf.txt'), 'Kyiv Post\r\n\r\nAt least 40 soldiers were wounded near Kursk, the ministry said on Monday.\r\n');
  // 50 MB without using 50 MB of disk: a sparse file.
  writeFileSync(path.join(dir, 'huge.txt'), 'start');
  truncateSync(path.join(dir, 'huge.txt'), 50 * 1024 * 1024);
  writeFileSync(
    path.join(dir, 'page.html'),
    '<html><head><title>Drones over Kursk</title><style>body{color:red}.x{display:none}</style><script>document.cookie="stolen"; alert("xss")</script></head>' +
      '<body onload="alert(1)"><nav>Home News Sport</nav><article><h1>Drones over Kursk</h1><p>Ukraine said on Monday it downed 30 drones over the region.</p>' +
      '<script src="https://evil.example/x.js"></script><noscript>Enable JavaScript</noscript><p>Officials said 3 people were hurt.</p></article></body></html>',
  );
  copyFileSync(seed('000_357d44f1acaf523f.txt'), path.join(dir, 'zz-duplicate.txt'));
  writeFileSync(path.join(outside, 'secret.txt'), 'Outside the corpus folder: never to be read.');
  symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'escape.txt'));
  writeFileSync(path.join(dir, 'locked.txt'), 'Nobody may read this file, the ministry said.');
  chmodSync(path.join(dir, 'locked.txt'), 0o000);
  return {
    'empty.txt': /^empty file; skipped$/,
    'binary.txt': /^binary file/,
    'latin1.txt': /^not valid UTF-8 text \(save it as UTF-8\); skipped$/,
    'utf16.txt': 'loaded',
    'crlf.txt': 'loaded',
    'huge.txt': /^too large \(50\.0 MB; the limit is 10 MB\); skipped$/,
    'page.html': 'loaded',
    'zz-duplicate.txt': /^identical to express-star\.txt; loaded once$/,
    'escape.txt': /^link points outside the corpus folder; skipped$/,
    // root reads any file; the permission case is checked as an ordinary user below
    'locked.txt': isRoot ? 'loaded' : /^permission denied; skipped$/,
  };
}

beforeAll(() => {
  setLogSink((l) => logs.push(l));
  outside = mkdtempSync(path.join(tmpdir(), 'bb-outside-'));
});

afterAll(() => {
  for (const d of dirs) {
    try {
      chmodSync(path.join(d, 'locked.txt'), 0o644);
    } catch {
      /* not there */
    }
    rmSync(d, { recursive: true, force: true });
  }
  rmSync(outside, { recursive: true, force: true });
});

function checkFates(index: BriefingIndex, fates: Record<string, RegExp | 'loaded'>): void {
  const warnings = index.warnings();
  const files = index.articles().map((a) => a.file);
  for (const [file, fate] of Object.entries(fates)) {
    const mine = warnings.filter((w: LoadWarning) => w.file === file);
    if (fate === 'loaded') {
      expect(files, file).toContain(file);
      expect(mine, file).toEqual([]);
    } else {
      expect(files, file).not.toContain(file);
      expect(mine.map((w) => w.message), file).toHaveLength(1);
      expect(mine[0]!.message, file).toMatch(fate);
    }
  }
  expect(files).toEqual(expect.arrayContaining(['express-star.txt', 'euronews.md']));
  expect(warnings.every((w) => !w.message.includes('\n') && w.message.length < 200)).toBe(true);
}

describe('a corpus folder full of junk', () => {
  it('GIVEN every kind of bad file THEN the full load skips each with one clear warning (or loads it) and serves the rest', async () => {
    const dir = goodFolder();
    const fates = addJunk(dir);
    const started = Date.now();
    const index = await loadBriefingIndex({ corpusDir: dir, cacheDir: null });
    // The 50 MB file is never read: the load stays quick.
    expect(Date.now() - started).toBeLessThan(30_000);
    checkFates(index, fates);

    // HTML: the article text, without scripts, styles or handlers.
    const page = index.articles().find((a) => a.file === 'page.html')!;
    expect(page.body).toContain('downed 30 drones');
    expect(page.body).not.toMatch(/alert|cookie|evil\.example|color:red|Enable JavaScript|onload/);
    expect(index.articles().find((a) => a.file === 'crlf.txt')!.body).not.toContain('\r');
    expect(index.articles().find((a) => a.file === 'utf16.txt')!.body).toContain('Sudzha');
    expect(index.articles().some((a) => a.body.includes('never to be read'))).toBe(false);

    // The good articles are served, and /sources says what was skipped and why.
    const ctx = { index, now: NOW, commands };
    const search = await dispatch(ctx, 'search', { query: 'troops' });
    expect(search.kind).toBe('answer');
    expect(search.kind === 'answer' && search.sections.flatMap((s) => sectionStatements(s)).length).toBeGreaterThan(0);
    const sources = await dispatch(ctx, 'sources', {});
    expect(sources.kind).toBe('answer');
    const notes = sources.kind === 'answer' ? sources.notes.join('\n') : '';
    expect(notes).toMatch(/loaded from .* at \d{4}-\d\d-\d\dT/);
    for (const [file, fate] of Object.entries(fates)) if (fate !== 'loaded') expect(notes).toContain(`Skipped or partly read: ${file}: `);
  }, 60_000);

  it('GIVEN a file its user may not read THEN, as an ordinary user, it is skipped with "permission denied" and the rest load', async () => {
    const dir = goodFolder();
    writeFileSync(path.join(dir, 'locked.txt'), 'Nobody may read this file, the ministry said.');
    chmodSync(path.join(dir, 'locked.txt'), 0o000);
    chmodSync(dir, 0o755);
    let result: { warnings: readonly LoadWarning[]; files: string[] };
    if (!isRoot) {
      const index = await loadBriefingIndex({ corpusDir: dir, cacheDir: null });
      result = { warnings: index.warnings(), files: index.articles().map((a) => a.file) };
    } else {
      // Root reads every file, so load as `nobody` in a child process (the compiled code).
      await buildOnce();
      const script = `import { loadBriefingIndex } from ${JSON.stringify(path.join(ROOT, 'dist/src/index/load.js'))};
        const index = await loadBriefingIndex({ corpusDir: ${JSON.stringify(dir)}, cacheDir: null, workers: 0 });
        console.log(JSON.stringify({ warnings: index.warnings(), files: index.articles().map((a) => a.file) }));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: tmpdir(), env: { PATH: process.env.PATH, HOME: tmpdir() } });
      expect(r.status, r.stderr).toBe(0);
      result = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    }
    expect(result.files.sort()).toEqual(['euronews.md', 'express-star.txt']);
    expect(result.warnings.filter((w) => w.file === 'locked.txt').map((w) => w.message)).toEqual(['permission denied; skipped']);
  }, 120_000);
});

describe('junk dropped into the folder of a running bot', () => {
  let peer: DiscordPeer;
  let bot: DiscordAdapter;
  let live: LiveCorpus;
  let dir: string;

  beforeAll(async () => {
    dir = goodFolder();
    live = new LiveCorpus({ corpusDir: dir, load: () => loadBriefingIndex({ corpusDir: dir, cacheDir: null }), debounceMs: 200, settleMs: 300, rescanMs: 60_000 });
    await live.start();
    peer = await new DiscordPeer().start();
    bot = createDiscordAdapter({
      config: { token: 'NDAwMDAwMDAwMDAwMDAwMDk5.GhIjKl.liveJunkTokenDoNotLog0123456789abcdefg', applicationId: peer.applicationId, guildId: GUILD_ID, apiBase: peer.apiBase, allowedGuilds: null },
      index: () => live.current(),
      commands,
      now: () => NOW,
      contextExtras: () => ({ corpus: live }),
    });
    await bot.start();
  });

  afterAll(async () => {
    await bot?.stop();
    await peer?.stop();
    live?.stop();
  });

  it('GIVEN bad files added while it runs THEN within seconds /sources lists each with its reason, the good ones are still served, and nothing crashed', async () => {
    const before = live.current();
    const fates = addJunk(dir);
    await expect.poll(() => live.current() !== before, { timeout: 15_000, interval: 100 }).toBe(true);
    checkFates(live.current(), fates);

    const sources = await peer.command('sources', {});
    const shown = [sources.message.embeds[0].description, ...sources.message.embeds[0].fields.map((f: any) => f.value)].join('\n');
    expect(shown).toMatch(/\d+ articles? \(\d+ independent reports?\) loaded from /);
    for (const [file, fate] of Object.entries(fates)) if (fate !== 'loaded') expect(shown).toContain(file.replace(/_/g, '\\_'));
    const search = await peer.command('search', { query: 'troops' });
    expect(search.message.embeds[0].fields[0].name).toBe('Sources');
    expect(logs.some((l) => l.includes('"level":"error"'))).toBe(false);
  }, 30_000);
});
