/**
 * Slack errors on an unprompted post (`chat.postMessage`) -> the scheduler's
 * `DeliveryError`. `retryable` promises the message certainly did not go out;
 * anything ambiguous is final (a missed post beats a duplicate).
 */
import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../schedule/scheduler.js';

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
