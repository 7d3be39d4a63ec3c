/**
 * What both local peers share: reading a request body, and a log of what the bot
 * sent (REST calls, response_url posts) kept in order and by key (a route or a
 * path), with waiters for what has not arrived yet. Keyed waiting stays cheap when
 * a load test sends a thousand interactions at once.
 */
import type { IncomingMessage } from 'node:http';

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface Waiter<T> {
  test: (x: T) => boolean;
  resolve: (x: T) => void;
}

export class Recorder<T extends { at: number }> {
  /** Everything recorded, oldest first. */
  readonly all: T[] = [];
  private readonly byKey = new Map<string, T[]>();
  private readonly waiters: Waiter<T>[] = [];
  private readonly keyedWaiters = new Map<string, Waiter<T>[]>();

  /** @param describe one item for timeout messages (`POST /x 200`) */
  constructor(private readonly describe: (x: T) => string) {}

  /** Records `item` under `key` and wakes the waiters it satisfies. */
  record(item: T, key: string): void {
    this.all.push(item);
    const same = this.byKey.get(key);
    if (same) same.push(item);
    else this.byKey.set(key, [item]);
    const keyed = this.keyedWaiters.get(key);
    for (const w of keyed ? [...keyed] : []) if (w.test(item)) w.resolve(item);
    for (const w of [...this.waiters]) {
      if (w.test(item)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(item);
      }
    }
  }

  /** What was recorded under `key`, oldest first. */
  keyed(key: string): T[] {
    return this.byKey.get(key) ?? [];
  }

  private recent(): string {
    return this.all.slice(-20).map(this.describe).join(', ');
  }

  /** The first item at or after `since` matching `test` (already recorded ones count). */
  waitFor(test: (x: T) => boolean, timeoutMs: number, since = 0, what = 'matching item'): Promise<T> {
    const done = this.all.find((x) => x.at >= since && test(x));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms; last: ${this.recent()}`)), timeoutMs);
      this.waiters.push({ test: (x) => x.at >= since && test(x), resolve: (x) => (clearTimeout(timer), resolve(x)) });
    });
  }

  /** Like `waitFor`, for items under one of `keys`, without scanning everything; `failure` words the timeout. */
  waitForKeyed(keys: readonly string[], test: (x: T) => boolean, timeoutMs: number, failure = () => `no ${keys.join(' or ')} within ${timeoutMs} ms; last: ${this.recent()}`): Promise<T> {
    for (const key of keys) {
      const done = this.keyed(key).find(test);
      if (done) return Promise.resolve(done);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        test,
        resolve: (x) => {
          clearTimeout(timer);
          for (const k of keys) {
            const list = this.keyedWaiters.get(k);
            if (list?.includes(waiter)) list.splice(list.indexOf(waiter), 1);
          }
          resolve(x);
        },
      };
      const timer = setTimeout(() => {
        for (const k of keys) {
          const list = this.keyedWaiters.get(k);
          if (list?.includes(waiter)) list.splice(list.indexOf(waiter), 1);
        }
        reject(new Error(failure()));
      }, timeoutMs);
      for (const k of keys) {
        const list = this.keyedWaiters.get(k);
        if (list) list.push(waiter);
        else this.keyedWaiters.set(k, [waiter]);
      }
    });
  }
}
