/**
 * Per-user and per-channel rate limits (token buckets), so one person or one
 * busy channel cannot starve everyone else. Answers carry "try again in N s".
 */
export interface RateLimitRule {
  /** Burst size. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

export const DEFAULT_LIMITS = Object.freeze({
  user: Object.freeze({ capacity: 8, refillPerSecond: 0.5 }),
  channel: Object.freeze({ capacity: 40, refillPerSecond: 4 }),
});

interface Bucket {
  tokens: number;
  at: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; scope: 'user' | 'channel' };

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rules: { user: RateLimitRule; channel: RateLimitRule } = DEFAULT_LIMITS,
    private readonly clock: () => number = Date.now,
    private readonly maxKeys = 50_000,
  ) {}

  private level(key: string, rule: RateLimitRule, now: number): Bucket {
    const b = this.buckets.get(key) ?? { tokens: rule.capacity, at: now };
    b.tokens = Math.min(rule.capacity, b.tokens + ((now - b.at) / 1000) * rule.refillPerSecond);
    b.at = now;
    return b;
  }

  /** Takes one token from the user's and the channel's bucket, or says how long to wait. */
  take(userKey: string, channelKey: string): RateDecision {
    const now = this.clock();
    const u = this.level(`u:${userKey}`, this.rules.user, now);
    const c = this.level(`c:${channelKey}`, this.rules.channel, now);
    if (u.tokens < 1) return { ok: false, scope: 'user', retryAfterSeconds: Math.ceil((1 - u.tokens) / this.rules.user.refillPerSecond) };
    if (c.tokens < 1) return { ok: false, scope: 'channel', retryAfterSeconds: Math.ceil((1 - c.tokens) / this.rules.channel.refillPerSecond) };
    u.tokens -= 1;
    c.tokens -= 1;
    this.buckets.set(`u:${userKey}`, u);
    this.buckets.set(`c:${channelKey}`, c);
    if (this.buckets.size > this.maxKeys) this.prune(now);
    return { ok: true };
  }

  /** Forget full buckets (they behave exactly like new ones). */
  private prune(now: number): void {
    for (const [k, b] of this.buckets) {
      const rule = k.startsWith('u:') ? this.rules.user : this.rules.channel;
      if (b.tokens + ((now - b.at) / 1000) * rule.refillPerSecond >= rule.capacity) this.buckets.delete(k);
    }
  }
}

export function rateLimitMessage(d: Extract<RateDecision, { ok: false }>): string {
  return d.scope === 'user'
    ? `You're asking faster than I can answer well; try again in ${d.retryAfterSeconds} s.`
    : `This channel is busy; try again in ${d.retryAfterSeconds} s.`;
}
