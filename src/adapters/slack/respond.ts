/**
 * Posting to a slash command's `response_url`, retried when Slack answers 429
 * (bolt's `respond()` throws on any non-2xx). A response_url accepts 5 posts in
 * 30 minutes, so retries are few and bounded.
 */
import { log } from '../../log.js';

export interface ResponseBody {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  text: string;
  blocks?: unknown[];
}

export interface RespondOptions {
  attempts?: number;
  /** Upper bound on one wait, in ms, whatever retry-after says. */
  maxWaitMs?: number;
  fetch?: typeof fetch;
}

export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`response_url answered HTTP ${status}`);
  }
}

/** POSTs `body` to `url`; on 429 waits `retry-after` seconds (at most `maxWaitMs`) and tries again. */
export async function postToResponseUrl(url: string, body: ResponseBody, opts: RespondOptions = {}): Promise<void> {
  const attempts = opts.attempts ?? 3;
  const doFetch = opts.fetch ?? fetch;
  for (let attempt = 1; ; attempt++) {
    const res = await doFetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok) return;
    if (res.status !== 429 || attempt >= attempts) throw new ResponseUrlError(res.status);
    const seconds = Number(res.headers.get('retry-after') ?? '1');
    const wait = Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000, opts.maxWaitMs ?? 10_000);
    log.warn('slack response_url rate limited; retrying', { attempt, waitMs: wait });
    await new Promise((r) => setTimeout(r, wait));
  }
}
