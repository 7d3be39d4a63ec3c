/**
 * A one-line progress bar for long loads, drawn only on a terminal:
 *
 *   Loading articles [##########----------]  52%  5,210/10,000  1,432/s  ETA 3s
 *
 * Redrawn at most ten times a second (a redraw per file would cost more than the
 * file). On anything that is not a TTY (a log file, CI, a pipe) it draws nothing,
 * so logs stay clean. No dependency: a bar is twenty lines.
 */
import { setLogSink } from './log.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

export interface ProgressBar {
  /** Reports `done` of `total`; pass it straight as `loadBriefingIndex({ onProgress })`. */
  update(done: number, total: number): void;
  /** Shows what is being done once the count is complete (e.g. the steps after reading every file). */
  status(text: string): void;
  /** Clears the line for something else (a log line); the next update or status draws it again. */
  clear(): void;
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

/** The label of the corpus load's bar (start-up and the CLI). */
export const LOADING_LABEL = 'Loading articles';

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
  if (!stream.isTTY) return { update: () => undefined, status: () => undefined, clear: () => undefined, finish: () => undefined };
  const started = now();
  let last = -Infinity;
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return {
    update(done, total) {
      const t = now();
      if (t - last < interval && done < total) return;
      last = t;
      drawn = true;
      stream.write(`\r${renderProgress(label, done, total, t - started, stream.columns || 80)}\x1b[K`);
    },
    status(text) {
      drawn = true;
      last = -Infinity;
      const line = `${label}: ${text}`;
      const width = (stream.columns || 80) - 1;
      stream.write(`\r${line.length > width ? line.slice(0, Math.max(0, width - 1)) + '…' : line}\x1b[K`);
    },
    clear() {
      clear();
      last = -Infinity;
    },
    finish: clear,
  };
}

/**
 * Runs `work` with a progress bar on `stream` when it is a terminal (nothing
 * otherwise), and clears the bar when the work ends, whether it succeeds or
 * throws, so no partial line is left. Log lines written meanwhile (they go to
 * stderr too) clear the bar first and it is drawn again below them.
 * @example const index = await withProgressBar(process.stderr, 'Loading articles', (bar) => loadBriefingIndex({ corpusDir, onProgress: bar.update, onPhase: bar.status }));
 */
export async function withProgressBar<T>(stream: ProgressStream, label: string, work: (bar: ProgressBar) => Promise<T>, opts: Omit<ProgressOptions, 'label'> = {}): Promise<T> {
  const bar = progressBar(stream, { ...opts, label });
  const sinks = stream.isTTY && stream === process.stderr;
  // the process may exit mid-load (a stop signal during start-up): leave no partial line then either
  const onExit = () => bar.finish();
  if (sinks) {
    setLogSink((line) => {
      bar.clear();
      process.stderr.write(line + '\n');
    });
    process.once('exit', onExit);
  }
  try {
    return await work(bar);
  } finally {
    bar.finish();
    if (sinks) {
      // back to log.ts's own sink
      setLogSink((line) => process.stderr.write(line + '\n'));
      process.off('exit', onExit);
    }
  }
}
