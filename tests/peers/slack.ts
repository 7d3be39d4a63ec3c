/**
 * A local Slack peer on 127.0.0.1: the Web API methods the bot calls
 * (`auth.test`, `apps.connections.open`, `chat.postMessage`, `users.info`), a `response_url`
 * sink, and a Socket Mode WebSocket. It also signs and sends HTTP-mode requests
 * the way Slack does. Facts from /work/shared/docs/testing-chat-platforms.md.
 *
 * Faults: `failNext` (429 or 5xx on a Web API method or the response_url),
 * `slowResponses` (a response_url that takes its time), `sendDisconnect`. Like
 * Slack, an envelope that is not acknowledged before its connection closes is
 * delivered again (`retry_attempt` + 1) once a connection is open.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readBody, Recorder } from './recorder.js';

export const TEAM_ID = 'T0NEWSROOM';
export const CHANNEL_ID = 'C0UKRDESK';
export const USER_ID = 'U0REPORTER';
/** On the bot's SLACK_ADMIN_USER_IDS in the tests; not a workspace admin. */
export const ADMIN_ID = 'U0EDITOR';
/** A workspace admin (`users.info` is_admin), not on any allow-list. */
export const WORKSPACE_ADMIN_ID = 'U0WSADMIN';
/** The workspace's primary owner. */
export const OWNER_ID = 'U0OWNER';
/** chat.postMessage answers channel_not_found for this one. */
export const GONE_CHANNEL_ID = 'C0GONE';

/** Slack's side of HTTP mode: up to 256 kept-alive connections to the bot. */
const SENDER = new Agent({ keepAlive: true, maxSockets: 256 });

export interface Posted {
  path: string;
  body: any;
  status: number;
  at: number;
  headers: IncomingMessage['headers'];
}

export interface SlashAnswer {
  /** The message posted to the response_url. */
  response: any;
  ephemeral: boolean;
  /** ms from sending the command to the ack (socket) or HTTP response (http). */
  ackMs: number;
  /** ms from sending the command to the answer's arrival at the response_url. */
  answeredMs: number;
  responseUrl: string;
}


export class SlackPeer {
  /** Posts, by path too, so a burst of a thousand response_urls stays cheap to follow. */
  private readonly log = new Recorder<Posted>((p) => `${p.path} ${p.status}`);
  readonly posted: Posted[] = this.log.all;
  /** Requests as they arrive, before they are answered (a delayed answer is in flight). */
  readonly arrivals: { method: string; path: string; at: number }[] = [];
  connectionsOpened = 0;
  /** Bearer tokens seen on Web API calls. */
  readonly tokensSeen = new Set<string>();
  private server!: Server;
  private wss!: WebSocketServer;
  private port = 0;
  private sockets = new Set<WebSocket>();
  /** Per path, the failures still to answer: 429 with `Retry-After` seconds, or a 5xx status. */
  private failures = new Map<string, { status: number; retryAfter: number }[]>();
  private responseDelays: number[] = [];
  private readonly acks = new Map<string, (payload: unknown) => void>();
  /** Envelopes not yet acknowledged, and the connection each was last sent on. */
  private readonly unacked = new Map<string, { frame: any; on: WebSocket | null; sentAt: number }>();
  /** Envelopes delivered more than once (a connection closed before their ack). */
  redeliveries = 0;
  private pinger: NodeJS.Timeout | null = null;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** Open Socket Mode connections. */
  get socketCount(): number {
    return [...this.sockets].filter((s) => s.readyState === 1).length;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/link/' });
    this.wss.on('connection', (ws) => this.onSocket(ws));
    await new Promise<void>((r) => this.server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => r()));
    this.port = (this.server.address() as AddressInfo).port;
    // Slack pings Socket Mode clients; without pings the client reconnects after 30 s.
    this.pinger = setInterval(() => this.sockets.forEach((s) => s.readyState === 1 && s.ping()), 5000);
    return this;
  }

  async stop(): Promise<void> {
    if (this.pinger) clearInterval(this.pinger);
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /**
   * The next `count` posts to `path` ('/api/chat.postMessage' or '/response') answer
   * 429 with `Retry-After: retryAfter` (seconds), or `status` when it is given (5xx).
   */
  failNext(path: string, count = 1, retryAfter = 1, status = 429): void {
    const queue = this.failures.get(path) ?? [];
    for (let i = 0; i < count; i++) queue.push({ status, retryAfter });
    this.failures.set(path, queue);
  }

  /** The next `count` response_url posts are answered only after `ms` (a slow Slack). */
  slowResponses(count: number, ms: number): void {
    for (let i = 0; i < count; i++) this.responseDelays.push(ms);
  }

  /** `chat.postMessage` calls to `channel` that were posted (HTTP 200, not a refused channel), oldest first. */
  channelPosts(channel = CHANNEL_ID, since = 0): Posted[] {
    return this.posted.filter((p) => p.path === '/api/chat.postMessage' && p.status === 200 && p.body.channel === channel && channel !== GONE_CHANNEL_ID && p.at >= since);
  }

  newResponseUrl(): string {
    return `http://127.0.0.1:${this.port}/response/${randomBytes(8).toString('hex')}`;
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    this.arrivals.push({ method: req.method ?? 'GET', path: url.pathname, at: Date.now() });
    const raw = await readBody(req);
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) this.tokensSeen.add(auth.slice(7));
    let body: any;
    if ((req.headers['content-type'] ?? '').includes('application/json')) body = raw ? JSON.parse(raw) : {};
    else body = Object.fromEntries(new URLSearchParams(raw));
    const path = url.pathname;
    const kind = path.startsWith('/response/') ? '/response' : path;
    const posted: Posted = { path, body, status: 200, at: Date.now(), headers: req.headers };
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      posted.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
      this.log.record(posted, path);
    };
    const failure = this.failures.get(kind)?.shift();
    if (failure?.status === 429) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
    if (failure) return send(failure.status, { ok: false, error: 'internal_error' });
    if (kind === '/response') {
      const delay = this.responseDelays.shift();
      if (delay) await new Promise((r) => setTimeout(r, delay));
      return send(200, { ok: true });
    }
    switch (path) {
      case '/api/auth.test':
        if (auth?.includes('revoked')) return send(200, { ok: false, error: 'invalid_auth' });
        return send(200, { ok: true, url: 'https://newsroom.slack.com/', team: 'Newsroom', user: 'briefbot', team_id: TEAM_ID, user_id: 'U0BRIEFBOT', bot_id: 'B0BRIEFBOT', is_enterprise_install: false });
      case '/api/apps.connections.open':
        this.connectionsOpened += 1;
        return send(200, { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=${this.connectionsOpened}` });
      case '/api/users.info': {
        const flags: Record<string, { is_admin: boolean; is_owner: boolean; is_primary_owner: boolean }> = {
          [USER_ID]: { is_admin: false, is_owner: false, is_primary_owner: false },
          [ADMIN_ID]: { is_admin: false, is_owner: false, is_primary_owner: false },
          [WORKSPACE_ADMIN_ID]: { is_admin: true, is_owner: false, is_primary_owner: false },
          [OWNER_ID]: { is_admin: true, is_owner: true, is_primary_owner: true },
        };
        const f = flags[body.user];
        if (!f) return send(200, { ok: false, error: 'user_not_found' });
        return send(200, { ok: true, user: { id: body.user, team_id: TEAM_ID, name: body.user.toLowerCase(), deleted: false, is_bot: false, ...f } });
      }
      case '/api/chat.postMessage':
        if (body.channel === GONE_CHANNEL_ID) return send(200, { ok: false, error: 'channel_not_found' });
        return send(200, { ok: true, channel: body.channel, ts: `${Math.floor(Date.now() / 1000)}.000100`, message: { text: body.text, blocks: body.blocks } });
      default:
        return send(200, { ok: false, error: 'unknown_method' });
    }
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      // What was sent on this connection and not acknowledged goes out again.
      for (const [, pending] of this.unacked) {
        if (pending.on === ws) {
          pending.on = null;
          this.redeliveries += 1;
          pending.frame.retry_attempt += 1;
          pending.frame.retry_reason = 'timeout';
        }
      }
      this.flushEnvelopes();
    });
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.envelope_id) {
        this.unacked.delete(msg.envelope_id);
        this.acks.get(msg.envelope_id)?.(msg.payload);
      }
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'peer', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0BRIEFBOT' } }));
    this.flushEnvelopes();
  }

  /** Sends every envelope that is waiting for a connection. */
  private flushEnvelopes(): void {
    const live = [...this.sockets].find((s) => s.readyState === 1);
    if (!live) return;
    for (const [, pending] of this.unacked) {
      if (pending.on !== null) continue;
      pending.on = live;
      pending.sentAt = Date.now();
      live.send(JSON.stringify(pending.frame));
    }
  }

  /** Waits for a post matching `test`, made after `since`. */
  waitForPost(test: (p: Posted) => boolean, timeoutMs = 10_000, since = 0): Promise<Posted> {
    return this.log.waitFor(test, timeoutMs, since, 'matching post');
  }

  /** Resolves once `n` Socket Mode connections have been opened in total and one is live. */
  async waitForConnection(n: number, timeoutMs = 15_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(this.connectionsOpened >= n && this.socketCount > 0)) {
      if (Date.now() > end) throw new Error(`Socket Mode connection ${n} not open within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * `{type:'disconnect'}`: the client should reconnect through apps.connections.open.
   * Slack refreshes one connection at a time: by default the one carrying the traffic
   * (the first open one); `all` for every connection at once.
   */
  sendDisconnect(opts: { all?: boolean } = {}): void {
    const open = [...this.sockets].filter((s) => s.readyState === 1);
    for (const s of opts.all ? open : open.slice(0, 1)) s.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'peer' } }));
  }

  slashPayload(command: string, text: string, opts: { userId?: string; teamId?: string; responseUrl?: string; channelId?: string } = {}): Record<string, string> {
    return {
      token: 'deprecated-verification-token',
      team_id: opts.teamId ?? TEAM_ID,
      team_domain: 'newsroom',
      channel_id: opts.channelId ?? CHANNEL_ID,
      channel_name: 'ukraine-desk',
      user_id: opts.userId ?? USER_ID,
      user_name: 'reporter',
      command,
      text,
      api_app_id: 'A0BRIEFBOT',
      is_enterprise_install: 'false',
      response_url: opts.responseUrl ?? this.newResponseUrl(),
      trigger_id: `${Date.now()}.${randomBytes(6).toString('hex')}`,
    };
  }

  blockActionPayload(actionId: string, value: string, opts: { responseUrl?: string; ephemeral?: boolean } = {}): any {
    return {
      type: 'block_actions',
      user: { id: USER_ID, username: 'reporter', name: 'reporter', team_id: TEAM_ID },
      api_app_id: 'A0BRIEFBOT',
      token: 'deprecated-verification-token',
      container: { type: 'message', message_ts: '1714300000.000100', channel_id: CHANNEL_ID, is_ephemeral: opts.ephemeral ?? true },
      trigger_id: `${Date.now()}.${randomBytes(6).toString('hex')}`,
      team: { id: TEAM_ID, domain: 'newsroom' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: CHANNEL_ID, name: 'ukraine-desk' },
      response_url: opts.responseUrl ?? this.newResponseUrl(),
      actions: [{ action_id: actionId, block_id: 'bb_pages', text: { type: 'plain_text', text: 'Next', emoji: true }, value, type: 'button', action_ts: String(Date.now() / 1000) }],
    };
  }

  /**
   * Sends an envelope over Socket Mode (at once if a connection is open, else when
   * one opens); resolves with the time to the client's ack.
   */
  private envelope(type: 'slash_commands' | 'interactive', payload: unknown, ackTimeoutMs = 5000): Promise<{ ackMs: number; attempts: number; deliveredMs: number; at: number }> {
    if (this.socketCount === 0 && this.connectionsOpened === 0) throw new Error('no Socket Mode connection');
    const envelope_id = randomBytes(8).toString('hex');
    const at = Date.now();
    const frame = { envelope_id, type, payload, accepts_response_payload: type === 'slash_commands', retry_attempt: 0, retry_reason: '' };
    const pending = { frame, on: null as WebSocket | null, sentAt: 0 };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${type} within ${ackTimeoutMs} ms`)), ackTimeoutMs);
      this.acks.set(envelope_id, () => {
        clearTimeout(timer);
        this.acks.delete(envelope_id);
        const now = Date.now();
        // deliveredMs: from the last delivery on an open connection to the ack (what the app controls).
        resolve({ ackMs: now - at, attempts: frame.retry_attempt + 1, deliveredMs: now - pending.sentAt, at });
      });
      this.unacked.set(envelope_id, pending);
      this.flushEnvelopes();
    });
  }

  /** Posts made to one path (a response_url's), oldest first. */
  postsTo(path: string): Posted[] {
    return this.log.keyed(path);
  }

  private async answer(responseUrl: string, ackMs: number, timeoutMs: number, sentAt = Date.now()): Promise<SlashAnswer> {
    const path = new URL(responseUrl).pathname;
    const p = await this.log.waitForKeyed([path], (x) => x.status === 200, timeoutMs, () => `no answer on ${path} within ${timeoutMs} ms; posts there: ${this.postsTo(path).map((x) => x.status).join(', ') || 'none'}`);
    return { response: p.body, ephemeral: p.body.response_type !== 'in_channel', ackMs, responseUrl, answeredMs: p.at - sentAt };
  }

  /** A slash command over Socket Mode; resolves with what the bot posted to the response_url. */
  async slashSocket(command: string, text: string, opts: { userId?: string; teamId?: string; channelId?: string; timeoutMs?: number; ackTimeoutMs?: number } = {}): Promise<SlashAnswer & { attempts: number; deliveredMs: number }> {
    const payload = this.slashPayload(command, text, opts);
    const { ackMs, attempts, deliveredMs, at } = await this.envelope('slash_commands', payload, opts.ackTimeoutMs);
    return { ...(await this.answer(payload.response_url!, ackMs, opts.timeoutMs ?? 10_000, at)), attempts, deliveredMs };
  }

  /** A button click over Socket Mode. */
  async clickSocket(actionId: string, value: string): Promise<SlashAnswer> {
    const payload = this.blockActionPayload(actionId, value);
    const { ackMs } = await this.envelope('interactive', payload);
    return this.answer(payload.response_url, ackMs, 10_000);
  }

  /** Signs a form body the way Slack does: v0=HMAC-SHA256(secret, `v0:${ts}:${body}`). */
  static sign(secret: string, body: string, ts: number): Record<string, string> {
    const sig = 'v0=' + createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
    return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig, 'content-type': 'application/x-www-form-urlencoded' };
  }

  /**
   * POSTs a (signed) form body to the bot's HTTP endpoint; returns the HTTP status
   * and `ms` until the response headers (the ack). Kept-alive connections, as Slack's
   * own senders use; node:http rather than fetch, so the sender costs the bot's
   * process (the tests run both in one) as little as it can.
   */
  static async postSigned(endpoint: string, form: Record<string, string>, secret: string, opts: { ts?: number; tamper?: boolean; headers?: Record<string, string> } = {}): Promise<{ status: number; ms: number; body: string; raw: string; headers: Record<string, string> }> {
    const raw = new URLSearchParams(form).toString();
    const headers = opts.headers ?? SlackPeer.sign(secret, raw, opts.ts ?? Math.floor(Date.now() / 1000));
    const sent = opts.tamper ? raw.replace(/text=[^&]*/, 'text=casualties+public') : raw;
    const at = Date.now();
    return new Promise((resolve, reject) => {
      const req = request(endpoint, { method: 'POST', agent: SENDER, headers: { ...headers, 'content-length': Buffer.byteLength(sent) } }, (res) => {
        const ms = Date.now() - at;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms, body: Buffer.concat(chunks).toString('utf8'), raw, headers }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(sent);
    });
  }

  /** A slash command over HTTP, signed with `secret`; resolves with the response_url post. */
  async slashHttp(endpoint: string, secret: string, command: string, text: string, opts: { userId?: string; channelId?: string; teamId?: string; timeoutMs?: number } = {}): Promise<SlashAnswer & { status: number }> {
    const payload = this.slashPayload(command, text, opts);
    const sentAt = Date.now();
    const r = await SlackPeer.postSigned(endpoint, payload, secret);
    if (r.status !== 200) throw new Error(`bot answered HTTP ${r.status}: ${r.body}`);
    return { ...(await this.answer(payload.response_url!, r.ms, opts.timeoutMs ?? 10_000, sentAt)), status: r.status };
  }

  /** A button click over HTTP (form field `payload`). */
  async clickHttp(endpoint: string, secret: string, actionId: string, value: string): Promise<SlashAnswer> {
    const payload = this.blockActionPayload(actionId, value);
    const r = await SlackPeer.postSigned(endpoint, { payload: JSON.stringify(payload) }, secret);
    if (r.status !== 200) throw new Error(`bot answered HTTP ${r.status}: ${r.body}`);
    return this.answer(payload.response_url, r.ms, 10_000);
  }
}
