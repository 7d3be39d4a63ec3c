/**
 * A live corpus: the folder is watched while the bot runs; added, changed or
 * removed files are picked up within seconds and swapped in whole.
 *
 * - Each command reads `current()` once and works on that immutable snapshot, so
 *   it never sees a half-updated corpus.
 * - File events are debounced; a periodic rescan catches what the watcher misses
 *   (network shares, editors that rename, platforms without recursive watching).
 * - A file still being written (modified in the last `settleMs`) is not read until
 *   it has been quiet that long.
 * - Reloads run one at a time; a request during a reload runs once more after it.
 *   The bot's loader (`reloadBriefingIndex`) does the work in a worker thread, so
 *   commands are answered from the current snapshot until the swap.
 * - A failed reload keeps serving the previous snapshot and logs one line.
 */
import { watch, type FSWatcher } from 'node:fs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { log } from '../log.js';
import type { BriefingIndex } from './briefingIndex.js';

export interface LiveCorpusOptions {
  corpusDir: string;
  /** Builds a new snapshot, reusing what it can of the previous one. */
  load: (previous: BriefingIndex | null) => Promise<BriefingIndex>;
  /**
   * The same snapshot in a lighter form, once it can be had (e.g. `snapshotBacked`:
   * read back from the snapshot file with articles left on disk), or null. Swapped
   * in when it arrives, unless a reload has moved on meanwhile.
   */
  lighten?: (index: BriefingIndex) => Promise<BriefingIndex | null>;
  debounceMs?: number;
  rescanMs?: number;
  settleMs?: number;
  clock?: () => number;
}

export interface ReloadResult {
  articles: number;
  /** File warnings of the snapshot now served (absent from stand-ins). */
  warnings?: number;
  changed: boolean;
  reason: string;
}

const DEFAULTS = Object.freeze({ debounceMs: 1500, rescanMs: 60_000, settleMs: 1000 });

/** A cheap fingerprint of the folder: names, sizes and modification times. */
export async function folderFingerprint(dir: string): Promise<{ fingerprint: string; newestMtimeMs: number }> {
  const parts: string[] = [];
  let newest = 0;
  const walk = async (rel: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r, depth + 1);
      else {
        const st = await fs.stat(path.join(dir, r)).catch(() => null);
        if (!st) continue;
        parts.push(`${r}:${st.size}:${Math.floor(st.mtimeMs)}`);
        if (st.mtimeMs > newest) newest = st.mtimeMs;
      }
    }
  };
  await walk('', 0);
  return { fingerprint: parts.sort().join('|'), newestMtimeMs: newest };
}

export class LiveCorpus {
  private index: BriefingIndex | null = null;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private rescan: NodeJS.Timeout | null = null;
  private running: Promise<ReloadResult> | null = null;
  private again = false;
  private fingerprint = '';
  private listeners: ((index: BriefingIndex) => void)[] = [];
  private readonly opts: Required<Omit<LiveCorpusOptions, 'clock' | 'lighten'>> & Pick<LiveCorpusOptions, 'lighten'> & { clock: () => number };

  constructor(opts: LiveCorpusOptions) {
    this.opts = { ...DEFAULTS, clock: Date.now, ...opts };
  }

  /** The snapshot to answer from. */
  current(): BriefingIndex {
    if (!this.index) throw new Error('corpus not loaded yet');
    return this.index;
  }

  get loaded(): boolean {
    return this.index !== null;
  }

  /** Called with each new snapshot after a swap. */
  onSwap(listener: (index: BriefingIndex) => void): void {
    this.listeners.push(listener);
  }

  /** First load; throws if the folder cannot be read at all. */
  async start(opts: { watch?: boolean } = {}): Promise<BriefingIndex> {
    const fp = await folderFingerprint(this.opts.corpusDir);
    this.index = await this.opts.load(null);
    this.fingerprint = fp.fingerprint;
    this.lighten(this.index);
    if (opts.watch !== false) this.watchFolder();
    return this.index;
  }

  private watchFolder(): void {
    try {
      this.watcher = watch(this.opts.corpusDir, { recursive: true }, () => this.schedule('file change'));
      this.watcher.on('error', (err) => {
        log.warn('corpus watcher failed; relying on the periodic rescan', { err: (err as Error).message });
        this.watcher?.close();
        this.watcher = null;
      });
    } catch (err) {
      log.warn('cannot watch the corpus folder; relying on the periodic rescan', { err: (err as Error).message });
    }
    this.rescan = setInterval(() => void this.reloadIfChanged('periodic rescan'), this.opts.rescanMs);
    this.rescan.unref();
  }

  private schedule(reason: string, delay = this.opts.debounceMs): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      void this.reloadIfChanged(reason);
    }, delay);
    this.debounce.unref();
  }

  /** Reloads when the folder's fingerprint changed (and no file is still being written). */
  async reloadIfChanged(reason: string): Promise<ReloadResult | null> {
    const fp = await folderFingerprint(this.opts.corpusDir);
    if (fp.fingerprint === this.fingerprint) return null;
    const age = this.opts.clock() - fp.newestMtimeMs;
    if (age < this.opts.settleMs) {
      // a file is being written: look again once it has been quiet long enough
      this.schedule(reason, this.opts.settleMs - age + 50);
      return null;
    }
    return this.reload(reason);
  }

  /** Rebuilds now (the /reload command); serialised with other reloads. */
  async reload(reason = 'requested'): Promise<ReloadResult> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        const before = this.index;
        const started = Date.now();
        const fp = await folderFingerprint(this.opts.corpusDir);
        const next = await this.opts.load(before);
        this.fingerprint = fp.fingerprint;
        const changed = next !== before;
        this.index = next;
        if (changed) {
          this.lighten(next);
          log.info('corpus reloaded', { reason, articles: next.articles().length, warnings: next.warnings().length, ms: Date.now() - started });
          for (const l of this.listeners) {
            try {
              l(next);
            } catch (err) {
              log.error('corpus swap listener failed', { err });
            }
          }
        }
        return { articles: next.articles().length, warnings: next.warnings().length, changed, reason };
      } catch (err) {
        log.error('corpus reload failed; still serving the previous snapshot', { reason, err });
        return { articles: this.index?.articles().length ?? 0, warnings: this.index?.warnings().length ?? 0, changed: false, reason: `${reason} (failed: ${(err as Error).message.split('\n')[0]})` };
      } finally {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.reload(reason);
        }
      }
    })();
    return this.running;
  }

  /** Swaps in the lighter form of `index` when it arrives, if `index` is still the one served. */
  private lighten(index: BriefingIndex): void {
    if (!this.opts.lighten) return;
    this.opts
      .lighten(index)
      .then((lean) => {
        if (!lean || this.index !== index || this.running) return;
        this.index = lean;
        log.debug('corpus now read from its snapshot file', { articles: lean.articles().length });
      })
      .catch((err: unknown) => log.warn('could not read the corpus back from its snapshot; keeping it in memory', { err: (err as Error).message }));
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.debounce) clearTimeout(this.debounce);
    if (this.rescan) clearInterval(this.rescan);
    this.debounce = this.rescan = null;
  }
}
