import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { runCli } from '../src/cli.js';
import { runConsole } from '../src/adapters/console.js';
import { commands } from '../commands/index.js';
import { loadBriefingIndex } from '../src/index/load.js';
import { ROOT, SEEDS } from './helpers.js';

const env = { CORPUS_DIR: SEEDS } as NodeJS.ProcessEnv;

describe('briefbot CLI', () => {
  it('GIVEN casualties --json THEN the figures contract with verbatim quotes', async () => {
    const r = await runCli(['casualties', '--json'], env);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.figures.length).toBe(5); // 300 killed, 2,700 wounded (NIS); 4,000 (JCS); 4,000 (Zelensky); 1,200 (US)
    for (const f of data.figures) {
      expect(['killed', 'wounded', 'casualties', 'missing', 'captured']).toContain(f.kind);
      expect(typeof f.low).toBe('number');
      expect(typeof f.approximate).toBe('boolean');
      expect(f.sources[0]).toHaveProperty('article');
      expect(f.sources[0].quote.length).toBeGreaterThan(20);
    }
  });

  it('GIVEN timeline, sources, quotes, search and brief with --json THEN each prints its contract', async () => {
    const t = JSON.parse((await runCli(['timeline', '--json'], env)).stdout);
    expect(t.events[0]).toHaveProperty('date');
    expect(t.undated[0]).toHaveProperty('when');
    const s = JSON.parse((await runCli(['sources', '--json'], env)).stdout);
    expect(s.articles.map((a: { dateSource: string }) => a.dateSource).sort()).toEqual(['bound', 'bound', 'none', 'syndication', 'text']);
    const q = JSON.parse((await runCli(['quotes', 'kim', '--json'], env)).stdout);
    expect(q.quotes.length).toBeGreaterThan(0);
    const h = JSON.parse((await runCli(['search', 'zelenskiy', '--json'], env)).stdout);
    expect(h.results[0].quote).toMatch(/Zelensk/);
    const b = JSON.parse((await runCli(['brief', '--json'], env)).stdout);
    expect(b.points.length).toBeGreaterThanOrEqual(5);
  });

  it('GIVEN readable output THEN statements cite a numbered source list', async () => {
    const r = await runCli(['figures', '--kind', 'deployed'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/about 10,000-12,000 deployed/);
    expect(r.stdout).toMatch(/\[\d\]/);
    expect(r.stdout).toMatch(/^Sources$/m);
  });

  it('GIVEN bad input THEN one line on stderr and a non-zero exit, never a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['nonsense'], /unknown command "nonsense"/],
      [[], /which command\?/],
      [['search'], /needs query/],
      [['figures', '--kind', 'cats'], /kind must be one of/],
      [['search', 'x', '--limit', 'many'], /limit must be a whole number/],
      [['casualties', '--corpus', '/nonexistent/folder'], /cannot be read/],
      [['casualties', '--corpus'], /needs a folder/],
    ];
    for (const [argv, re] of cases) {
      const r = await runCli(argv, env);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('GIVEN a corpus with a junk file THEN the answer comes with a one-line warning naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bb-cli-'));
    writeFileSync(path.join(dir, 'a.txt'), 'At least 12 people were killed in the storm, officials said on Monday.\n');
    writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([0, 1, 2, 3]));
    const r = await runCli(['casualties', '--json', '--corpus', dir], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).figures[0]).toMatchObject({ kind: 'killed', low: 12, claimedBy: 'officials' });
    expect(r.stderr).toBe('briefbot: warning: junk.txt: binary file (contains NUL bytes); skipped\n');
    rmSync(dir, { recursive: true });
  });

  it('GIVEN the built bin THEN `briefbot help` runs as a real process', () => {
    const bin = path.join(ROOT, 'bin', 'briefbot.js');
    if (!existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))) execFileSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
    const r = spawnSync(process.execPath, [bin, 'help'], { cwd: ROOT, env: { ...process.env, CORPUS_DIR: SEEDS }, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\/casualties \[topic\]/);
  });
});

describe('the console', () => {
  it('GIVEN piped commands THEN each is answered in order and the console exits at EOF', async () => {
    const index = await loadBriefingIndex({ corpusDir: SEEDS, cacheDir: null });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += d));
    const done = runConsole({ index, commands, input, output, now: () => new Date('2026-01-01T00:00:00Z') });
    input.end('/casualties\n/search pyongyan\n/bogus\n/search\n');
    await done;
    expect(text).toMatch(/^Casualty figures$/m);
    expect(text).toMatch(/Pyongyang/);
    expect(text).toMatch(/Error: Unknown command "\/bogus"/);
    expect(text).toMatch(/Error: \/search needs query/);
  });

  it('GIVEN the reader goes away (EPIPE) THEN the console ends like EOF, answering nothing more', async () => {
    const index = await loadBriefingIndex({ corpusDir: SEEDS, cacheDir: null });
    const input = new PassThrough();
    let writes = 0;
    const output = new Writable({
      write(_chunk, _enc, cb) {
        writes++;
        cb(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const done = runConsole({ index, commands, input, output, now: () => new Date('2026-01-01T00:00:00Z') });
    input.write('/casualties\n');
    await done; // ends although input is still open
    expect(writes).toBe(1);
    input.end('/brief\n');
  });
});

describe('the CLI load progress bar', () => {
  const terminal = () => {
    const out: string[] = [];
    return { out, stream: { isTTY: true, columns: 100, write: (s: string) => out.push(s) } };
  };
  const uncached = { ...env, CACHE_DIR: 'off' } as NodeJS.ProcessEnv;

  it('GIVEN a terminal THEN loading draws a bar that is cleared before the answer, leaving no partial line', async () => {
    const { out, stream } = terminal();
    const r = await runCli(['casualties'], uncached, stream);
    expect(r.code).toBe(0);
    expect(out.some((s) => s.includes('Loading articles [') && s.includes('5/5'))).toBe(true);
    expect(out.at(-1)).toBe('\r\x1b[K');
    expect(r.stdout).not.toContain('Loading');
  });

  it('GIVEN --json, or a stream that is not a terminal THEN nothing is drawn', async () => {
    const { out, stream } = terminal();
    expect((await runCli(['casualties', '--json'], uncached, stream)).code).toBe(0);
    expect(out).toEqual([]);
    const piped: string[] = [];
    expect((await runCli(['casualties'], uncached, { isTTY: false, write: (s) => piped.push(s) })).code).toBe(0);
    expect(piped).toEqual([]);
  });

  it('GIVEN a corpus folder that cannot be read THEN the error line is the only output and no bar is left', async () => {
    const { out, stream } = terminal();
    const r = await runCli(['casualties', '--corpus', path.join(tmpdir(), 'briefbot-no-such-folder')], uncached, stream);
    expect(r.code).toBe(2);
    expect(out.filter((s) => s !== '\r\x1b[K')).toEqual([]);
  });
});
