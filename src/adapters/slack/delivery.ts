/**
 * Slack errors on an unprompted post (`chat.postMessage`) -> the scheduler's
 * `DeliveryError`. `retryable` promises the message certainly did not go out;
 * anything ambiguous is final (a missed post beats a duplicate).
 *
 * Rate limits: the posting client rejects a 429 at once (`rejectRateLimitedCalls`);
 * `postWithRateLimits` waits out a short `Retry-After` (at most
 * `INLINE_RATE_LIMIT_WAIT_MS`, twice) and sends again, and hands a longer one
 * back as a retryable error with Slack's wait, so the scheduler keeps the retry in
 * the database instead of a post hanging in memory past its delivery timeout.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../schedule/scheduler.js';

/** `Retry-After` waits up to this long are waited out before the post is handed back. */
export const INLINE_RATE_LIMIT_WAIT_MS = 2_000;
/** How many short waits one post may take. */
const INLINE_RATE_LIMIT_RETRIES = 2;

/**
 * Runs `post`, waiting out short rate limits; throws `DeliveryError` otherwise.
 *
 * @example await postWithRateLimits(() => client.chat.postMessage({ channel, text }));
 */
export async function postWithRateLimits(post: () => Promise<unknown>): Promise<void> {
  for (let waited = 0; ; waited++) {
    try {
      await post();
      return;
    } catch (err) {
      const failure = slackDeliveryError(err);
      const wait = failure.retryAfterMs;
      if (!isRateLimit(err) || wait === undefined || wait > INLINE_RATE_LIMIT_WAIT_MS || waited >= INLINE_RATE_LIMIT_RETRIES) throw failure;
      await sleep(wait);
    }
  }
}

function isRateLimit(err: unknown): boolean {
  return (err as { code?: string })?.code === webApi.ErrorCode.RateLimitedError;
}

const REASONS: Record<string, string> = {
  channel_not_found: 'the channel no longer exists, or the bot cannot see it',
  not_in_channel: 'the bot is not in this channel; invite it with /invite @briefbot',
  is_archived: 'the channel is archived',
  restricted_action: 'a workspace setting stops the bot from posting here',
  missing_scope: 'the app lacks the chat:write scope; reinstall it from slack-manifest.yml',
  invalid_auth: 'Slack rejected the bot token',
  token_revoked: 'the bot token was revoked',
  account_inactive: 'the bot token was revoked',
  msg_too_long: 'Slack rejected the message as too long',
  invalid_blocks: 'Slack rejected the message blocks',
};

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function slackDeliveryError(err: unknown): DeliveryError {
  const e = err as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; original?: { code?: string; cause?: { code?: string } } };
  switch (e?.code) {
    case webApi.ErrorCode.RateLimitedError:
      return new DeliveryError({ retryable: true, reason: 'Slack rate limit', retryAfterMs: (e.retryAfter ?? 1) * 1000, cause: err });
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return new DeliveryError({ retryable: true, reason: 'Slack rate limit', cause: err });
      return new DeliveryError({ retryable: false, reason: REASONS[code] ?? `Slack refused the post (${code})`, cause: err });
    }
    case webApi.ErrorCode.HTTPError:
      return new DeliveryError({ retryable: e.statusCode === 503, reason: `Slack answered HTTP ${e.statusCode}`, cause: err });
    case webApi.ErrorCode.RequestError: {
      const net = e.original?.code ?? e.original?.cause?.code;
      if (net && NOT_SENT.has(net)) return new DeliveryError({ retryable: true, reason: `Slack unreachable (${net})`, cause: err });
      return new DeliveryError({ retryable: false, reason: 'the post to Slack may not have gone out (network error)', cause: err });
    }
    default:
      return new DeliveryError({ retryable: false, reason: 'an unexpected error while posting to Slack', cause: err });
  }
}
