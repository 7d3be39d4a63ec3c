/**
 * A one-line progress bar for long loads, drawn only on a terminal:
 *
 *   Loading articles [##########----------]  52%  5,210/10,000  1,432/s  ETA 3s
 *
 * Redrawn at most ten times a second (a redraw per file would cost more than the
 * file). On anything that is not a TTY (a log file, CI, a pipe) it draws nothing,
 * so logs stay clean. No dependency: a bar is twenty lines.
 */

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressBar {
  /** Reports `done` of `total`; pass it straight as `loadBriefingIndex({ onProgress })`. */
  update(done: number, total: number): void;
  /** Clears the bar (call when the work is over). */
  finish(): void;
}

export interface ProgressOptions {
  label?: string;
  /** Milliseconds between redraws. */
  interval?: number;
  /** The clock, for tests. */
  now?: () => number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The bar's text for `done` of `total` after `elapsedMs`, fitted to `width` columns. */
export function renderProgress(label: string, done: number, total: number, elapsedMs: number, width = 80): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? Math.ceil((total - done) / rate) : null;
  const tail = `${String(Math.floor(ratio * 100)).padStart(3)}%  ${fmt(done)}/${fmt(total)}  ${fmt(rate)}/s${eta !== null && done < total ? `  ETA ${eta}s` : ''}`;
  const room = Math.max(10, Math.min(30, width - label.length - tail.length - 6));
  const filled = Math.round(ratio * room);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(room - filled)}] ${tail}`;
}

/**
 * A progress bar on `stream` (usually `process.stderr`), or a silent one when the
 * stream is not a terminal.
 * @example
 *   const bar = progressBar(process.stderr, { label: 'Loading articles' });
 *   await loadBriefingIndex({ corpusDir, onProgress: bar.update });
 *   bar.finish();
 */
export function progressBar(stream: ProgressStream, opts: ProgressOptions = {}): ProgressBar {
  const now = opts.now ?? (() => performance.now());
  const label = opts.label ?? 'Loading';
  const interval = opts.interval ?? 100;
  if (!stream.isTTY) return { update: () => undefined, finish: () => undefined };
  const started = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (t - last < interval && done < total) return;
      last = t;
      drawn = true;
      stream.write(`\r${renderProgress(label, done, total, t - started, stream.columns ?? 80)}\x1b[K`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
