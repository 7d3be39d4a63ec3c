/**
 * How the chat adapters run commands under load and shut down without losing an
 * answer. One `Workload` per process, shared by Discord and Slack.
 *
 * - Turns: each command starts in an event-loop turn of its own (`setImmediate`),
 *   so a burst of CPU-heavy commands never stops the process from acknowledging
 *   the next interaction: sockets are read and acks sent between two commands.
 *   Discord and Slack both want the first response within 3 s.
 * - Backlog: `waiting` is how many commands wait for their turn; the Discord
 *   adapter defers at once when any do, rather than hoping to answer in time.
 * - Acknowledgements first: while deferrals are being sent (`acknowledging()`),
 *   commands start at most one per `ackPriorityMs`, so under a burst every member
 *   hears back within the deadline first and the answers follow.
 * - Overload: past `maxWaiting` waiting commands, `compute` rejects with
 *   `BusyError` and the adapter answers "busy, try again" instead of queueing
 *   without bound.
 * - Drain: `drain()` stops accepting (the adapters answer new commands with
 *   `RESTARTING_MESSAGE`) and waits, up to a deadline, for every interaction
 *   tracked with `track()`: computed *and* delivered.
 *
 * @example
 *   const workload = new Workload();
 *   workload.track(handle(interaction));                    // in the adapter, per interaction
 *   const reply = await workload.compute(() => dispatch(ctx, name, args));
 *   await workload.drain(8000);                              // on SIGTERM
 */

/** Answer to a command that arrives while the process is shutting down. */
export const RESTARTING_MESSAGE = 'Briefbot is restarting; try again in a minute.';
/** Answer to a command that arrives while too many others are waiting. */
export const BUSY_MESSAGE = 'Briefbot is very busy right now; try again in a few seconds.';

export const WORKLOAD_DEFAULTS = Object.freeze({
  /**
   * Commands running at once. CPU work is one at a time anyway (one thread); the
   * cap bounds memory when commands wait on I/O, and is high enough that a few
   * slow commands do not hold up the quick ones.
   */
  concurrency: 64,
  /** Waiting commands beyond this are answered "busy" at once. */
  maxWaiting: 5000,
  /** While acknowledgements are being sent, at most one command starts per this many ms. */
  ackPriorityMs: 50,
});

export interface WorkloadOptions {
  concurrency?: number;
  maxWaiting?: number;
  ackPriorityMs?: number;
}

export class BusyError extends Error {
  constructor() {
    super('too many commands waiting');
    this.name = 'BusyError';
  }
}

export interface DrainResult {
  /** Every tracked interaction finished before the deadline. */
  finished: boolean;
  /** Interactions still unfinished at the deadline. */
  abandoned: number;
}

export class Workload {
  private readonly queue: (() => void)[] = [];
  private readonly tracked = new Set<Promise<unknown>>();
  private readonly whenIdle: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  private readonly ackPriorityMs: number;
  private active = 0;
  private acking = 0;
  private lastStart = 0;
  /** The scheduled start of the next command: an immediate, or a timer while acknowledgements go out. */
  private next: { kind: 'immediate'; handle: NodeJS.Immediate } | { kind: 'timer'; handle: NodeJS.Timeout } | null = null;
  private draining = false;

  constructor(opts: WorkloadOptions = {}) {
    this.concurrency = Math.max(1, opts.concurrency ?? WORKLOAD_DEFAULTS.concurrency);
    this.maxWaiting = Math.max(0, opts.maxWaiting ?? WORKLOAD_DEFAULTS.maxWaiting);
    this.ackPriorityMs = Math.max(0, opts.ackPriorityMs ?? WORKLOAD_DEFAULTS.ackPriorityMs);
  }

  /** False once `drain()` has been called: adapters answer with `RESTARTING_MESSAGE`. */
  get accepting(): boolean {
    return !this.draining;
  }

  /** Commands waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Interactions accepted and not yet answered (waiting, running or being delivered). */
  get inFlight(): number {
    return this.tracked.size;
  }

  /**
   * Runs `fn` in its own turn; resolves or rejects with its result. Rejects with
   * `BusyError` at once when `maxWaiting` commands are already waiting.
   */
  compute<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.queue.length >= this.maxWaiting) return Promise.reject(new BusyError());
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        this.active++;
        let result: Promise<T>;
        try {
          result = Promise.resolve(fn());
        } catch (err) {
          result = Promise.reject(err);
        }
        result.then(resolve, reject).finally(() => {
          this.active--;
          this.pump();
        });
      });
      this.pump();
    });
  }

  /**
   * Marks an acknowledgement (a deferral, an HTTP request awaiting its 200) as under
   * way; call the returned function once it is sent. Until then, or for `maxMs` at
   * most (past the platforms' 3 s it no longer helps), commands yield to it (see
   * `ackPriorityMs`).
   */
  acknowledging(maxMs = 3000): () => void {
    this.acking++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      this.acking--;
      if (this.acking === 0 && this.next?.kind === 'timer') {
        clearTimeout(this.next.handle);
        this.next = null;
        this.pump();
      }
    };
    const timer = setTimeout(release, maxMs);
    timer.unref();
    return release;
  }

  /** Counts `work` (one whole interaction, answer delivered) as in flight until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.tracked.add(work);
    const done = () => {
      this.tracked.delete(work);
      if (this.tracked.size === 0) for (const wake of this.whenIdle.splice(0)) wake();
    };
    work.then(done, done);
    return work;
  }

  /**
   * Stops accepting new commands and waits until nothing is in flight, or
   * `deadlineMs` has passed. Interactions tracked during the drain (the
   * "restarting" answers) are waited for too.
   */
  async drain(deadlineMs: number): Promise<DrainResult> {
    this.draining = true;
    if (this.tracked.size === 0) return { finished: true, abandoned: 0 };
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      new Promise<boolean>((resolve) => this.whenIdle.push(() => resolve(true))),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadlineMs)))),
    ]);
    clearTimeout(timer);
    return { finished, abandoned: finished ? 0 : this.tracked.size };
  }

  /**
   * Starts the next waiting command in a later turn, one per turn; while
   * acknowledgements are being sent, one per `ackPriorityMs`.
   */
  private pump(): void {
    if (this.next || this.queue.length === 0 || this.active >= this.concurrency) return;
    const start = () => {
      this.next = null;
      if (this.active >= this.concurrency) return;
      this.lastStart = Date.now();
      this.queue.shift()?.();
      this.pump();
    };
    const holdMs = this.acking > 0 ? this.lastStart + this.ackPriorityMs - Date.now() : 0;
    this.next = holdMs > 0 ? { kind: 'timer', handle: setTimeout(start, holdMs) } : { kind: 'immediate', handle: setImmediate(start) };
  }
}
