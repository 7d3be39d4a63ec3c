/** The load progress bar: drawn on a terminal only, throttled, cleared at the end. */
import { describe, expect, it } from 'vitest';
import { progressBar, renderProgress } from '../src/progress.js';

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
