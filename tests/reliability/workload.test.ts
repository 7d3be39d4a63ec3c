/**
 * The work queue on its own: commands take turns with everything else the process
 * does, acknowledgements go first, overload is refused, and a drain waits for what
 * is in flight.
 */
import { describe, expect, it } from 'vitest';
import { BusyError, Workload } from '../../src/adapters/workload.js';

/** Keeps the CPU busy for `ms`, like a command over a big corpus. */
function burn(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('Workload', () => {
  it('GIVEN 20 commands of 20 ms each THEN a socket event that arrives meanwhile is handled between two of them, not after all 20', async () => {
    const w = new Workload();
    const order: string[] = [];
    const commands = Array.from({ length: 20 }, (_, k) => w.compute(() => (burn(20), order.push(`command ${k}`))));
    // Stands in for an incoming interaction whose acknowledgement must go out quickly.
    setTimeout(() => order.push('ack'), 30);
    await Promise.all(commands);
    const ackAt = order.indexOf('ack');
    expect(ackAt).toBeGreaterThan(0);
    expect(ackAt).toBeLessThan(10);
  });

  it('GIVEN acknowledgements being sent THEN commands start at most one per ackPriorityMs, and at once when they are out', async () => {
    const w = new Workload({ ackPriorityMs: 100 });
    const starts: number[] = [];
    const sent = w.acknowledging();
    const t0 = Date.now();
    const commands = Array.from({ length: 3 }, () => w.compute(() => starts.push(Date.now() - t0)));
    await new Promise((r) => setTimeout(r, 250));
    expect(starts.length).toBeLessThanOrEqual(3);
    expect(starts.length).toBeGreaterThanOrEqual(2);
    if (starts.length === 3) expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(180);
    sent();
    await Promise.all(commands);
    expect(starts).toHaveLength(3);
  });

  it('GIVEN more commands waiting than allowed THEN the next is refused with BusyError at once', async () => {
    const w = new Workload({ maxWaiting: 2 });
    const a = w.compute(() => 1);
    const b = w.compute(() => 2);
    await expect(w.compute(() => 3)).rejects.toBeInstanceOf(BusyError);
    expect(await Promise.all([a, b])).toEqual([1, 2]);
  });

  it('GIVEN a command that throws THEN its caller gets the error and the queue goes on', async () => {
    const w = new Workload();
    await expect(w.compute(() => { throw new Error('kaboom'); })).rejects.toThrow('kaboom');
    expect(await w.compute(() => 'next')).toBe('next');
  });

  it('GIVEN a drain THEN new work is no longer accepted, and it waits for what is in flight, or reports it at the deadline', async () => {
    const w = new Workload();
    let finished = false;
    w.track(new Promise((r) => setTimeout(r, 100)).then(() => (finished = true)));
    const drained = await w.drain(2000);
    expect(w.accepting).toBe(false);
    expect(finished).toBe(true);
    expect(drained).toEqual({ finished: true, abandoned: 0 });

    const stuck = new Workload();
    stuck.track(new Promise(() => undefined));
    const started = Date.now();
    expect(await stuck.drain(200)).toEqual({ finished: false, abandoned: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
