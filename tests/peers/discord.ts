/**
 * A local Discord peer: the REST routes a bot calls and a JSON gateway WebSocket,
 * on 127.0.0.1, enough for the real discord.js client. Facts from
 * /work/shared/docs/testing-chat-platforms.md.
 *
 * Drive it with `command()`, `autocomplete()` and `click()`, which dispatch an
 * INTERACTION_CREATE and resolve with what the bot answered. Faults: `closeGateway`,
 * `sendReconnect`, `failNextCallbacks` (429 or 5xx, optionally after acknowledging),
 * `failNextWebhookEdits` (5xx), `delayNextCallbacks`, `failNextChannelPosts` (429),
 * and Discord's 3-second deadline (callbacks later than `deadlineMs` get 404 code
 * 10062). Like Discord, a second callback for one interaction gets 400 code 40060,
 * and dispatches made while the gateway is down are replayed on RESUME.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readBody, Recorder } from './recorder.js';

export const GUILD_ID = '400000000000000001';
export const CHANNEL_ID = '400000000000000002';
export const USER_ID = '400000000000000003';
/** A channel the bot may not post in: POST /channels/:id/messages answers 403 (50013). */
export const FORBIDDEN_CHANNEL_ID = '400000000000000403';

/** Member permission sets for `command(..., { permissions })`: a member's usual bits, plus one admin bit. */
export const PERMISSIONS = Object.freeze({
  member: '2147519040',
  /** + Manage Channels (16) */
  manageChannels: '2147519056',
  /** + Manage Guild (32) */
  manageGuild: '2147519072',
  /** + Administrator (8) */
  administrator: '2147519048',
});

export interface RestCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  status: number;
  at: number;
  /** Answered with an error, but Discord had acknowledged the interaction (a 5xx after the fact). */
  processed?: boolean;
}

export interface InteractionAnswer {
  /** The interaction's id. */
  id: string;
  /** The interaction callback body ({type, data}). */
  callback: { type: number; data?: any };
  /** Final message data: callback data, or the edit of @original after a deferral. */
  message: any;
  /** Whether the answer is ephemeral (flag 64 on the callback). */
  ephemeral: boolean;
  deferred: boolean;
  /** The answer came as a follow-up message rather than the response itself. */
  followUp?: boolean;
  /** ms from dispatch to the callback (the initial response). */
  callbackMs: number;
  /** ms from dispatch to the final answer (the callback, or the edit/follow-up after a deferral). */
  answeredMs: number;
}

interface CallbackFailure {
  status: number;
  retryAfter: number;
  processed?: boolean;
}

let snowflakeCounter = 0n;
function snowflake(): string {
  snowflakeCounter += 1n;
  return String((BigInt(Date.now() - 1420070400000) << 22n) + snowflakeCounter);
}


export class DiscordPeer {
  readonly applicationId: string;
  readonly botUser = { id: '', username: 'briefbot', discriminator: '0', global_name: 'Briefbot', avatar: null, bot: true };
  /** REST calls, by `METHOD path` too, so a burst of a thousand interactions stays cheap to follow. */
  private readonly log = new Recorder<RestCall>((c) => `${c.method} ${c.path} ${c.status}`);
  readonly calls: RestCall[] = this.log.all;
  /** Requests as they arrive, before they are answered (a delayed answer is in flight). */
  readonly arrivals: { method: string; path: string; at: number }[] = [];
  identifies = 0;
  resumes = 0;
  /** Tokens the bot authenticated with (REST Authorization header and IDENTIFY). */
  readonly tokensSeen = new Set<string>();
  deadlineMs = 3000;

  private server!: Server;
  private wss!: WebSocketServer;
  private port = 0;
  private socket: WebSocket | null = null;
  private seq = 0;
  private sessionId = '';
  private failures: CallbackFailure[] = [];
  private webhookEditFailures: number[] = [];
  private callbackDelays: number[] = [];
  private channelPostFailures: { retryAfter: number }[] = [];
  private readonly sent = new Map<string, { at: number; token: string }>();
  /** Interactions whose callback Discord accepted. */
  private readonly acknowledged = new Set<string>();
  /** Dispatches of this session, for replay on RESUME (Discord replays what the client missed). */
  private history: { op: 0; t: string; s: number; d: unknown }[] = [];
  private readonly wsWaiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(applicationId = '400000000000000099') {
    this.applicationId = applicationId;
    this.botUser.id = applicationId;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get connected(): boolean {
    return this.socket !== null && this.socket.readyState === 1 && this.sessionId !== '' && !this.awaitingIdentify;
  }
  private awaitingIdentify = true;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.onRest(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => this.onGateway(ws));
    await new Promise<void>((r) => this.server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => r()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  // ---------------------------------------------------------------- REST

  private async onRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    this.arrivals.push({ method: req.method ?? 'GET', path, at: Date.now() });
    const raw = await readBody(req);
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bot ')) this.tokensSeen.add(auth.slice(4));
    let body: any = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const call: RestCall = { method: req.method ?? 'GET', path, query: url.searchParams, body, status: 200, at: Date.now() };
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, json === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
      this.log.record(call, `${call.method} ${call.path}`);
    };

    let m: RegExpExecArray | null;
    if (call.method === 'GET' && path === '/gateway/bot') {
      return send(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (call.method === 'GET' && path === '/users/@me') return send(200, this.botUser);
    if (call.method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const sent = this.sent.get(m[1]!);
      if (!sent || sent.token !== m[2]) return send(404, { message: 'Unknown interaction', code: 10062 });
      if (this.acknowledged.has(m[1]!)) return send(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      if (Date.now() - sent.at > this.deadlineMs) return send(404, { message: 'Unknown interaction', code: 10062 });
      const delay = this.callbackDelays.shift();
      const fail = this.failures.shift();
      if (fail && fail.status >= 500) {
        if (fail.processed) {
          this.acknowledged.add(m[1]!);
          call.processed = true;
        }
        return send(fail.status, { message: 'Internal Server Error', code: 0 });
      }
      if (fail) {
        return send(429, { message: 'You are being rate limited.', retry_after: fail.retryAfter, global: false }, {
          'retry-after': String(Math.ceil(fail.retryAfter)),
          'x-ratelimit-scope': 'user',
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(fail.retryAfter),
          'x-ratelimit-bucket': 'callback',
        });
      }
      this.acknowledged.add(m[1]!);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      return send(204);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/(@original|\d+))?$/.exec(path))) {
      if (call.method === 'PATCH') {
        const status = this.webhookEditFailures.shift();
        if (status) return send(status, { message: 'Bad Gateway', code: 0 });
      }
      if (call.method === 'PATCH' || call.method === 'POST') return send(200, this.message(body, m[2]!));
      if (call.method === 'DELETE') return send(204);
    }
    if (call.method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      if (m[1] === FORBIDDEN_CHANNEL_ID) return send(403, { message: 'Missing Permissions', code: 50013 });
      const fail = this.channelPostFailures.shift();
      if (fail) {
        return send(429, { message: 'You are being rate limited.', retry_after: fail.retryAfter, global: false }, {
          'retry-after': String(Math.ceil(fail.retryAfter)),
          'x-ratelimit-scope': 'user',
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(fail.retryAfter),
          'x-ratelimit-bucket': 'channel-messages',
        });
      }
      return send(200, this.message(body, 'channel', m[1]));
    }
    if (call.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return send(200, (body as any[]).map((c) => ({ id: snowflake(), application_id: this.applicationId, version: snowflake(), default_member_permissions: null, ...c })));
    }
    send(404, { message: '404: Not Found', code: 0 });
  }

  private message(body: any, _token: string, channelId = CHANNEL_ID): any {
    return {
      id: snowflake(),
      type: 0,
      channel_id: channelId,
      author: this.botUser,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: body?.flags ?? 0,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
    };
  }

  /** Waits for a REST call matching `test` (already made ones count). */
  waitForCall(test: (c: RestCall) => boolean, timeoutMs = 10_000, since = 0): Promise<RestCall> {
    return this.log.waitFor(test, timeoutMs, since, 'matching REST call');
  }

  /** Waits for a call to one of `routes` (`METHOD path`) matching `test`: like `waitForCall`, without scanning every call. */
  private waitForRoute(routes: readonly string[], test: (c: RestCall) => boolean, timeoutMs: number): Promise<RestCall> {
    return this.log.waitForKeyed(routes, test, timeoutMs);
  }

  /** The next `count` posts to `POST /channels/:id/messages` answer 429 with `retry_after` seconds. */
  failNextChannelPosts(count: number, retryAfter = 1): void {
    for (let i = 0; i < count; i++) this.channelPostFailures.push({ retryAfter });
  }

  /** Successful posts to a channel (`POST /channels/:id/messages` answered 200), oldest first. */
  channelPosts(channelId = CHANNEL_ID, since = 0): RestCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages` && c.status === 200 && c.at >= since);
  }

  /**
   * The next `count` interaction callbacks fail: 429 with `retry_after` seconds (a
   * number), or `{ status: 5xx }`, with `processed: true` when Discord acknowledged the
   * interaction all the same (a retry then gets 40060).
   */
  failNextCallbacks(count: number, failure: number | { status: number; processed?: boolean } = 0.5): void {
    const f: CallbackFailure = typeof failure === 'number' ? { status: 429, retryAfter: failure } : { retryAfter: 0, processed: false, ...failure };
    for (let i = 0; i < count; i++) this.failures.push(f);
  }

  /** The next `count` edits of a deferred answer (`PATCH .../messages/@original`) answer `status`. */
  failNextWebhookEdits(count: number, status = 502): void {
    for (let i = 0; i < count; i++) this.webhookEditFailures.push(status);
  }

  /** The next `count` accepted callbacks are answered only after `ms` (a slow Discord). */
  delayNextCallbacks(count: number, ms: number): void {
    for (let i = 0; i < count; i++) this.callbackDelays.push(ms);
  }

  /** Callbacks Discord accepted for an interaction (more than one would be a duplicate answer). */
  acceptedCallbacks(interactionId: string): RestCall[] {
    const token = this.sent.get(interactionId)?.token;
    return this.log.keyed(`POST /interactions/${interactionId}/${token}/callback`).filter((c) => c.status === 204 || c.processed);
  }

  // ---------------------------------------------------------------- gateway

  private onGateway(ws: WebSocket): void {
    this.socket?.terminate();
    this.socket = ws;
    this.awaitingIdentify = true;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      else if (msg.op === 2) this.onIdentify(ws, msg.d);
      else if (msg.op === 6) this.onResume(ws, msg.d);
    });
    ws.on('close', () => {
      if (this.socket === ws) this.socket = null;
      this.notifyWs();
    });
  }

  private onIdentify(ws: WebSocket, d: any): void {
    this.identifies += 1;
    this.tokensSeen.add(d.token);
    this.seq = 0;
    this.history = [];
    this.sessionId = randomBytes(16).toString('hex');
    this.dispatch('READY', {
      v: 10,
      user: this.botUser,
      session_id: this.sessionId,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      guilds: [{ id: GUILD_ID, unavailable: true }],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      shard: [0, 1],
    }, ws);
    this.dispatch('GUILD_CREATE', this.guild(), ws);
    this.awaitingIdentify = false;
    this.notifyWs();
  }

  private onResume(ws: WebSocket, d: any): void {
    if (d.session_id !== this.sessionId) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    this.resumes += 1;
    this.tokensSeen.add(d.token);
    // Replay what the client did not see, then RESUMED.
    for (const frame of this.history) if (frame.s > (d.seq ?? 0)) ws.send(JSON.stringify(frame));
    this.dispatch('RESUMED', {}, ws);
    this.awaitingIdentify = false;
    this.notifyWs();
  }

  private guild(): any {
    return {
      id: GUILD_ID,
      name: 'Newsroom',
      icon: null,
      owner_id: USER_ID,
      unavailable: false,
      member_count: 2,
      large: false,
      joined_at: new Date().toISOString(),
      features: [],
      roles: [{ id: GUILD_ID, name: '@everyone', permissions: '104324673', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: [{ id: CHANNEL_ID, type: 0, name: 'ukraine-desk', guild_id: GUILD_ID, position: 0, permission_overwrites: [] }],
      threads: [],
      members: [],
      emojis: [],
      stickers: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private dispatch(t: string, d: unknown, ws = this.socket): void {
    if (!ws || ws.readyState !== 1) throw new Error(`gateway not connected (dispatching ${t})`);
    this.seq += 1;
    ws.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /**
   * Dispatches an event of the session: sent now if the session is live, else kept
   * and replayed when the client RESUMEs (lost if it has to IDENTIFY afresh).
   */
  private dispatchEvent(t: string, d: unknown): void {
    if (this.sessionId === '') throw new Error(`no gateway session (dispatching ${t})`);
    this.seq += 1;
    const frame = { op: 0 as const, t, s: this.seq, d };
    this.history.push(frame);
    if (this.history.length > 10_000) this.history.shift();
    if (this.connected) this.socket!.send(JSON.stringify(frame));
  }

  private notifyWs(): void {
    for (const w of [...this.wsWaiters]) {
      if (w.test()) {
        this.wsWaiters.splice(this.wsWaiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  /** Resolves when the gateway session is established (after IDENTIFY or RESUME). */
  waitForSession(test: () => boolean = () => true, timeoutMs = 15_000): Promise<void> {
    if (this.connected && test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway session not established within ${timeoutMs} ms (identifies ${this.identifies}, resumes ${this.resumes})`)), timeoutMs);
      this.wsWaiters.push({ test: () => this.connected && test(), resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Closes the gateway socket with `code` (4000: resume; 1000: fresh identify). */
  closeGateway(code: number): void {
    this.awaitingIdentify = true;
    this.socket?.close(code, 'peer closing');
  }

  /** Op 7: the client should reconnect and resume. */
  sendReconnect(): void {
    this.awaitingIdentify = true;
    this.socket?.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  // ---------------------------------------------------------------- interactions

  private base(type: number, opts: { guildId?: string; admin?: boolean; userId?: string; permissions?: string; channelId?: string }): any {
    const id = snowflake();
    const token = 'aW50ZXJhY3Rpb24' + randomBytes(24).toString('base64url');
    const userId = opts.userId ?? USER_ID;
    const channelId = opts.channelId ?? CHANNEL_ID;
    return {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      guild_id: opts.guildId ?? GUILD_ID,
      channel_id: channelId,
      channel: { id: channelId, type: 0, name: 'ukraine-desk', guild_id: opts.guildId ?? GUILD_ID, permissions: '2248473465835073' },
      member: {
        user: { id: userId, username: 'reporter', discriminator: '0', global_name: 'Reporter', avatar: null },
        roles: [],
        // Admin: Manage Channels (16) on top of a member's usual bits; a member lacks it.
        permissions: opts.permissions ?? (opts.admin ? PERMISSIONS.manageChannels : PERMISSIONS.member),
        joined_at: '2024-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
      },
      app_permissions: '2248473465835073',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': opts.guildId ?? GUILD_ID },
      context: 0,
      attachment_size_limit: 8388608,
    };
  }

  private sendInteraction(d: any): number {
    const at = Date.now();
    this.sent.set(d.id, { at, token: d.token });
    this.dispatchEvent('INTERACTION_CREATE', d);
    return at;
  }

  private async answer(d: any, at: number, timeoutMs: number): Promise<InteractionAnswer> {
    const cb = await this.waitForRoute([`POST /interactions/${d.id}/${d.token}/callback`], (c) => c.status === 204 || !!c.processed || c.status === 404, timeoutMs);
    if (cb.status === 404) throw new Error(`interaction ${d.id} (${d.data?.name ?? d.data?.custom_id}) got its first callback ${cb.at - at} ms after dispatch, past Discord's ${this.deadlineMs} ms deadline: the member saw "The application did not respond"`);
    const callback = cb.body as { type: number; data?: any };
    const ephemeral = ((callback.data?.flags ?? 0) & 64) === 64;
    if (callback.type === 5) {
      // The answer is an edit of the deferred message, or a follow-up (e.g. a private apology).
      const hook = `/webhooks/${this.applicationId}/${d.token}`;
      const next = await this.waitForRoute([`PATCH ${hook}/messages/@original`, `POST ${hook}`], () => true, timeoutMs);
      const edit = next.status === 200 ? next : await this.waitForRoute([`${next.method} ${next.path}`], (c) => c.status === 200, timeoutMs);
      if (edit.method === 'POST') return { id: d.id, callback, message: edit.body, ephemeral: ((edit.body.flags ?? 0) & 64) === 64, deferred: true, followUp: true, callbackMs: cb.at - at, answeredMs: edit.at - at };
      return { id: d.id, callback, message: edit.body, ephemeral, deferred: true, callbackMs: cb.at - at, answeredMs: edit.at - at };
    }
    return { id: d.id, callback, message: callback.data, ephemeral, deferred: false, callbackMs: cb.at - at, answeredMs: cb.at - at };
  }

  /** Runs a slash command as a member would; resolves with the bot's answer. */
  async command(name: string, options: Record<string, string | number | boolean> = {}, opts: { guildId?: string; admin?: boolean; permissions?: string; timeoutMs?: number; subcommand?: string; userId?: string; channelId?: string } = {}): Promise<InteractionAnswer> {
    const d = this.base(2, opts);
    const values = Object.entries(options).map(([k, v]) => ({ name: k, type: typeof v === 'boolean' ? 5 : typeof v === 'number' ? 4 : 3, value: v }));
    d.data = {
      id: snowflake(),
      name,
      type: 1,
      guild_id: opts.guildId ?? GUILD_ID,
      options: opts.subcommand ? [{ name: opts.subcommand, type: 1, options: values }] : values,
    };
    return this.answer(d, this.sendInteraction(d), opts.timeoutMs ?? 10_000);
  }

  /** Types `value` into option `focused`; resolves with the choices offered. */
  async autocomplete(name: string, focused: string, value: string, others: Record<string, string> = {}): Promise<{ name: string; value: string }[]> {
    const d = this.base(4, {});
    d.data = {
      id: snowflake(),
      name,
      type: 1,
      options: [
        ...Object.entries(others).map(([k, v]) => ({ name: k, type: 3, value: v })),
        { name: focused, type: 3, value, focused: true },
      ],
    };
    const a = await this.answer(d, this.sendInteraction(d), 10_000);
    if (a.callback.type !== 8) throw new Error(`expected autocomplete result (8), got ${a.callback.type}`);
    return a.callback.data.choices;
  }

  /** Clicks a button with `customId` on a message the bot sent (`message` = its data). */
  async click(customId: string, message: any, opts: { ephemeral?: boolean } = {}): Promise<InteractionAnswer> {
    const d = this.base(3, {});
    d.message = { ...this.message(message, ''), flags: opts.ephemeral ? 64 : 0, interaction_metadata: undefined };
    d.data = { custom_id: customId, component_type: 2 };
    return this.answer(d, this.sendInteraction(d), 10_000);
  }
}
