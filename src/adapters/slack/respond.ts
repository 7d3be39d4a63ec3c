/**
 * Posting to a slash command's `response_url`. At least once where that is safe:
 * a 429 waits `retry-after`, a 5xx or a connection that failed before any answer
 * is tried again after a growing pause. A response_url accepts 5 posts in 30
 * minutes, so that is the most attempts made (`attempts`, default 5). A post that gets no answer within
 * `timeoutMs` is given up, not repeated: it may still arrive, and a second copy of
 * an answer is worse than a log line.
 *
 * Posts go out through node:http(s) with kept-alive connections (at most
 * `MAX_SOCKETS` to one host): under a burst a thousand answers reuse a few
 * connections instead of opening (and TLS-handshaking) one each, and the cost per
 * post stays well below `fetch`'s.
 */
import http from 'node:http';
import https from 'node:https';
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
  /** Wait after a 5xx or a failed connection, times the attempt number (default 1000). */
  retryDelayMs?: number;
  /** Give up on one post after this long without an answer (default 30 s). */
  timeoutMs?: number;
}

/** Connections kept open to one response_url host. */
export const MAX_SOCKETS = 128;
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
};

class PostTimeout extends Error {}

/** One POST; resolves with the status and `retry-after`, rejects on a network error or timeout. */
function post(url: URL, payload: string, timeoutMs: number): Promise<{ status: number; retryAfter: string | undefined }> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, { method: 'POST', agent: agents[url.protocol as 'http:' | 'https:'], headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.resume();
      res.once('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined });
      });
      res.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    const timer = setTimeout(() => req.destroy(new PostTimeout()), timeoutMs);
    req.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(payload);
  });
}

export const RESPOND_DEFAULTS = Object.freeze({ attempts: 5, maxWaitMs: 10_000, retryDelayMs: 1000, timeoutMs: 30_000 });

export class ResponseUrlError extends Error {
  constructor(readonly status: number, detail?: string) {
    super(detail ?? `response_url answered HTTP ${status}`);
    this.name = 'ResponseUrlError';
  }
}

/** Network errors that mean the request got no answer at all (not a timeout). */
const CONNECTION_FAILED = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

/** POSTs `body` to `url`, trying again after a 429, a 5xx or a failed connection. */
export async function postToResponseUrl(url: string, body: ResponseBody, opts: RespondOptions = {}): Promise<void> {
  const { attempts, maxWaitMs, retryDelayMs, timeoutMs } = { ...RESPOND_DEFAULTS, ...opts };
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new ResponseUrlError(0, `response_url is not http(s): ${target.protocol}`);
  const payload = JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    let wait: number;
    try {
      const res = await post(target, payload, timeoutMs);
      if (res.status >= 200 && res.status < 300) return;
      const retryable = res.status === 429 || res.status >= 500;
      if (!retryable || attempt >= attempts) throw new ResponseUrlError(res.status);
      if (res.status === 429) {
        const seconds = Number(res.retryAfter ?? '1');
        wait = Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000, maxWaitMs);
      } else {
        wait = Math.min(retryDelayMs * attempt, maxWaitMs);
      }
      log.warn('slack response_url answered an error; retrying', { attempt, status: res.status, waitMs: wait });
    } catch (err) {
      if (err instanceof ResponseUrlError) throw err;
      if (err instanceof PostTimeout) throw new ResponseUrlError(0, `response_url did not answer within ${timeoutMs} ms`);
      const code = (err as { code?: string })?.code;
      if (!code || !CONNECTION_FAILED.has(code) || attempt >= attempts) throw err;
      wait = Math.min(retryDelayMs * attempt, maxWaitMs);
      log.warn('slack response_url unreachable; retrying', { attempt, code, waitMs: wait });
    }
    await new Promise((r) => setTimeout(r, wait));
  }
}
