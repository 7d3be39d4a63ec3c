/**
 * Discord errors on an unprompted post (`POST /channels/:id/messages`) -> the
 * scheduler's `DeliveryError`. `retryable` is a promise that the message certainly
 * did not go out; anything ambiguous is final (a missed post beats a duplicate).
 *
 * Rate limits: @discordjs/rest waits out a short one (at most
 * `INLINE_RATE_LIMIT_WAIT_MS`) and sends again; a longer one is rejected before
 * sending (`rejectLongRateLimitWaits`) and comes back as a retryable error with
 * Discord's wait, so the scheduler keeps the retry in the database rather than a
 * post hanging in memory past its delivery timeout.
 */
import { RateLimitError, type RateLimitData } from 'discord.js';
import { DeliveryError } from '../../schedule/scheduler.js';

/** Rate-limit waits up to this long are waited out in the request itself. */
export const INLINE_RATE_LIMIT_WAIT_MS = 2_000;

/** `rejectOnRateLimit` for the posting REST client: true (reject, nothing sent) when the wait is long. */
export function rejectLongRateLimitWaits(data: Pick<RateLimitData, 'retryAfter' | 'timeToReset'>): boolean {
  return Math.max(data.retryAfter, data.timeToReset) > INLINE_RATE_LIMIT_WAIT_MS;
}

/** Discord JSON error codes worth a specific reason. */
const REASONS: Record<number, string> = {
  10003: 'the channel no longer exists, or the bot cannot see it',
  50001: 'the bot has no access to this channel (View Channel)',
  50013: 'the bot is missing permission to post here (Send Messages, Embed Links)',
  50035: 'Discord rejected the message as malformed',
};

/** Network errors that happen before a request reaches Discord. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function discordDeliveryError(err: unknown): DeliveryError {
  if (err instanceof RateLimitError) {
    // Raised before the request was sent (rejectOnRateLimit), so nothing went out.
    return new DeliveryError({ retryable: true, reason: 'Discord rate limit', retryAfterMs: Math.max(err.retryAfter, err.timeToReset, 0), cause: err });
  }
  const e = err as { status?: number; code?: number | string; cause?: { code?: string } };
  if (typeof e?.status === 'number') {
    const reason = typeof e.code === 'number' ? REASONS[e.code] : undefined;
    if (reason) return new DeliveryError({ retryable: false, reason, cause: err });
    if (e.status === 403) return new DeliveryError({ retryable: false, reason: REASONS[50013]!, cause: err });
    if (e.status === 404) return new DeliveryError({ retryable: false, reason: REASONS[10003]!, cause: err });
    if (e.status === 503) return new DeliveryError({ retryable: true, reason: 'Discord is unavailable (503)', cause: err });
    return new DeliveryError({ retryable: false, reason: `Discord answered HTTP ${e.status}`, cause: err });
  }
  const net = typeof e?.code === 'string' ? e.code : e?.cause?.code;
  if (net && NOT_SENT.has(net)) return new DeliveryError({ retryable: true, reason: `Discord unreachable (${net})`, cause: err });
  return new DeliveryError({ retryable: false, reason: 'the post to Discord may not have gone out (network error)', cause: err });
}
