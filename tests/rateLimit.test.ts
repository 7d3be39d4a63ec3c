import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitMessage } from '../src/rateLimit.js';

describe('RateLimiter', () => {
  it('GIVEN a user over their burst THEN they wait, others do not, and tokens come back', () => {
    let now = 0;
    const rl = new RateLimiter({ user: { capacity: 3, refillPerSecond: 1 }, channel: { capacity: 100, refillPerSecond: 10 } }, () => now);
    for (let i = 0; i < 3; i++) expect(rl.take('alice', 'c1').ok).toBe(true);
    const d = rl.take('alice', 'c1');
    expect(d).toEqual({ ok: false, scope: 'user', retryAfterSeconds: 1 });
    expect(rateLimitMessage(d as Extract<typeof d, { ok: false }>)).toBe("You're asking faster than I can answer well; try again in 1 s.");
    expect(rl.take('bob', 'c1').ok).toBe(true);
    now += 1000;
    expect(rl.take('alice', 'c1').ok).toBe(true);
  });

  it('GIVEN a busy channel THEN new users there wait too', () => {
    const now = 0;
    const rl = new RateLimiter({ user: { capacity: 10, refillPerSecond: 1 }, channel: { capacity: 2, refillPerSecond: 0.5 } }, () => now);
    expect(rl.take('a', 'busy').ok).toBe(true);
    expect(rl.take('b', 'busy').ok).toBe(true);
    expect(rl.take('c', 'busy')).toEqual({ ok: false, scope: 'channel', retryAfterSeconds: 2 });
    expect(rl.take('c', 'quiet').ok).toBe(true);
  });
});
