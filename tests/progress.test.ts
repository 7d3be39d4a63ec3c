/** The load progress bar: drawn on a terminal only, throttled, cleared at the end. */
import { describe, expect, it } from 'vitest';
import { progressBar, renderProgress, withProgressBar } from '../src/progress.js';

describe('progress bar', () => {
  it('GIVEN half done after two seconds THEN the bar, the count, the rate and the time left', () => {
    expect(renderProgress('Loading', 5000, 10_000, 2000, 100)).toBe('Loading [###############---------------]  50%  5,000/10,000  2,500/s  ETA 2s');
  });

  it('GIVEN a terminal THEN redraws at most every interval, always the last one, and clears on finish', () => {
    const out: string[] = [];
    let now = 0;
    const bar = progressBar({ isTTY: true, columns: 100, write: (s) => out.push(s) }, { label: 'Loading', interval: 100, now: () => now });
    for (let i = 1; i <= 10; i++) {
      now += 30;
      bar.update(i, 10);
    }
    bar.finish();
    expect(out.length).toBeLessThan(6);
    expect(out.at(-2)).toContain('100%  10/10');
    expect(out.at(-1)).toBe('\r\x1b[K');
  });

  it('GIVEN a pipe or a log file THEN nothing is drawn', () => {
    const out: string[] = [];
    const bar = progressBar({ isTTY: false, write: (s) => out.push(s) });
    bar.update(1, 2);
    bar.finish();
    expect(out).toEqual([]);
  });
});

describe('progress bar around a load', () => {
  const terminal = () => {
    const out: string[] = [];
    return { out, stream: { isTTY: true, columns: 100, write: (s: string) => out.push(s) } };
  };

  it('GIVEN a status after the count THEN it replaces the bar, and finish clears it', () => {
    const { out, stream } = terminal();
    const bar = progressBar(stream, { label: 'Loading', now: () => 0 });
    bar.update(10, 10);
    bar.status('building the answers');
    bar.finish();
    expect(out).toEqual([expect.stringContaining('100%  10/10'), '\rLoading: building the answers\x1b[K', '\r\x1b[K']);
  });

  it('GIVEN a cleared bar THEN the next update draws it again at once', () => {
    const { out, stream } = terminal();
    let now = 0;
    const bar = progressBar(stream, { label: 'Loading', interval: 100, now: () => now });
    bar.update(1, 10);
    bar.clear();
    now += 1;
    bar.update(2, 10);
    expect(out).toHaveLength(3);
    expect(out[1]).toBe('\r\x1b[K');
    expect(out[2]).toContain(' 2/10');
  });

  it('GIVEN the work fails THEN the bar is cleared and the error comes through', async () => {
    const { out, stream } = terminal();
    await expect(
      withProgressBar(stream, 'Loading', async (bar) => {
        bar.update(1, 2);
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(out.at(-1)).toBe('\r\x1b[K');
  });

  it('GIVEN a pipe THEN withProgressBar draws nothing and returns the result', async () => {
    const out: string[] = [];
    const r = await withProgressBar({ isTTY: false, write: (s) => out.push(s) }, 'Loading', async (bar) => {
      bar.update(1, 1);
      bar.status('x');
      return 42;
    });
    expect(r).toBe(42);
    expect(out).toEqual([]);
  });
});

describe('progress bar on a terminal that reports no width', () => {
  it('GIVEN columns 0 (a pseudo-terminal without a size) THEN 80 columns are assumed', () => {
    const out: string[] = [];
    const bar = progressBar({ isTTY: true, columns: 0, write: (s) => out.push(s) }, { label: 'Loading', now: () => 0 });
    bar.status('building the answers');
    expect(out).toEqual(['\rLoading: building the answers\x1b[K']);
  });
});
