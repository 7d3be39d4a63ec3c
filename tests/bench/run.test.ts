/**
 * The benchmark at a tiny size, in-process: it runs end to end and produces the
 * JSON the issue specifies (CI runs `npm run bench -- --articles 1000` for real).
 */
import { mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable, runBenchmark, targetChecks } from '../../bench/run.js';
import { setLogLevel } from '../../src/log.js';

const root = mkdtempSync(path.join(tmpdir(), 'briefbot-bench-'));
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const percentiles = { p50: expect.any(Number), p99: expect.any(Number) };

describe('npm run bench', () => {
  it('GIVEN 50 articles THEN every measure is there, in the JSON shape of the issue', async () => {
    setLogLevel('warn');
    const result = await runBenchmark({ sizes: [50], root, inProcess: true, rounds: 1, progress: false });
    expect(result.machine).toMatchObject({ cores: expect.any(Number), node: process.version });
    expect(result.sizes).toHaveLength(1);
    const r = result.sizes[0]!;
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({
      articles: 50,
      ingestSeconds: expect.any(Number),
      articlesPerSecond: expect.any(Number),
      warmStartSeconds: expect.any(Number),
      heapMB: expect.any(Number),
      rssMB: expect.any(Number),
      commands: { search: percentiles, brief: percentiles, casualties: percentiles, timeline: percentiles, quotes: percentiles, autocomplete: percentiles },
      naiveFuse: { search: percentiles },
    });
    // the warm start really came from the snapshot, and adding a file re-extracted only it
    expect(r.warmStart?.fromSnapshot).toBe(50);
    expect(r.reload?.addOneExtracted).toBe(1);
    expect(r.restartOneAdded).toMatchObject({ extracted: 1, cached: 50 });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(formatTable(result)).toContain('| 50 |');
    expect(targetChecks({ ...r, articles: 10_000 }).map((t) => t.target)).toContain('warm start');
  }, 60_000);
});
