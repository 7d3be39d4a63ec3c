/**
 * The Slack adapter: an @slack/bolt app that turns slash commands into
 * `dispatch(ctx, name, args)` calls and posts the reply as Block Kit to the
 * command's `response_url`. It connects through one of bolt's receivers:
 * Socket Mode when an app token is configured (no public URL), HTTP otherwise
 * (`/slack/events`, every request's signature verified).
 *
 * - `ack()` at once, then the answer (Slack's 3-second deadline never bites). A
 *   failed ack (the socket dropped under it) does not cost the answer: the
 *   response_url still works, and Slack's redelivery is recognised by trigger id.
 * - Commands take turns through the shared `Workload`; while the process shuts
 *   down, new commands get `RESTARTING_MESSAGE`.
 * - Commands from workspaces not on the allow-list are refused and logged.
 * - Socket Mode keeps two connections open, so a recycled one costs nothing.
 * - Ephemeral by default; `public` as the last word posts for the channel.
 * - `/brief <subcommand> ...` always works; `/casualties ...` works when the
 *   manifest declares per-command slash commands.
 * - Admins: `SLACK_ADMIN_USER_IDS`, plus workspace admins and owners, asked of
 *   Slack only for invocations that need the right (`admins.ts`).
 * - Scheduled posts (`postToChannel`) use a client of their own: short rate-limit
 *   waits are waited out, longer ones handed to the scheduler (`delivery.ts`).
 *
 * @example
 *   const slack = createSlackAdapter({ config: config.slack, index, commands });
 *   await slack.start();
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import type { SlackConfig } from '../../config.js';
import type { CommandArgs } from '../../core/command.js';
import { errorReply, type AnswerReply, type Reply } from '../../core/reply.js';
import { dispatch, failureReply, findCommand } from '../../dispatch.js';
import type { ChannelInfo, ChatPlatform } from '../../health.js';
import { createLogThrottle, log, redact } from '../../log.js';
import { rateLimitMessage } from '../../rateLimit.js';
import { EXPIRED_MESSAGE } from '../../render/replyStore.js';
import { parseSlackPageValue, renderSlackBlocks, SLACK_ACTIONS, slackPageCount, type SlackMessage } from '../../render/slack.js';
import { adapterBasics, type AdapterOptions } from '../options.js';
import { BUSY_MESSAGE, BusyError, RESTARTING_MESSAGE } from '../workload.js';
import { createSlackAdmins } from './admins.js';
import { postWithRateLimits } from './delivery.js';
import { parseSlashText } from './parse.js';
import { postToResponseUrl, type RespondOptions } from './respond.js';

export interface SlackAdapterOptions extends AdapterOptions {
  config: SlackConfig;
  /** HTTP mode: listen on this host (default all interfaces). */
  host?: string;
  respond?: RespondOptions;
  /** How long a member's workspace-admin status is remembered (default 10 minutes). */
  adminTtlMs?: number;
  /** Socket Mode: connections to keep open (default `SOCKET_CONNECTIONS`). */
  socketConnections?: number;
}

export const NOT_ALLOWED_MESSAGE = 'Briefbot is not enabled in this workspace.';

/**
 * Socket Mode connections kept open. Slack spreads payloads over an app's
 * connections and recycles each now and then; the Slack SDK waits about 5 s before
 * reconnecting one, and a single connection would leave the app unreachable for
 * that long. With two, the other carries on (Slack allows up to 10).
 */
export const SOCKET_CONNECTIONS = 2;

/** HTTP mode: pending connections the kernel queues (capped by net.core.somaxconn). */
const HTTP_BACKLOG = 4096;

export interface SlackAdapter extends ChatPlatform {
  readonly name: 'slack';
  readonly app: App;
  /** HTTP mode: the port actually listened on (after start). */
  readonly port: number | null;
}

/** Bolt's logger, routed through ours so tokens are scrubbed and the format is one. */
function boltLogger(): Logger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...m) => log.debug('slack: ' + text(m)),
    info: (...m) => log.info('slack: ' + text(m)),
    warn: (...m) => log.warn('slack: ' + text(m)),
    error: (...m) => log.error('slack: ' + text(m)),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Recently seen trigger ids: a replayed (re-sent, validly signed) request is answered once. */
class SeenIds {
  private readonly ids = new Map<string, number>();
  constructor(private readonly ttlMs = 10 * 60 * 1000) {}
  /** True the first time `id` is seen within the time limit. */
  first(id: string | undefined): boolean {
    if (!id) return true;
    const now = Date.now();
    for (const [k, at] of this.ids) {
      if (now - at <= this.ttlMs) break;
      this.ids.delete(k);
    }
    if (this.ids.has(id)) return false;
    this.ids.set(id, now);
    return true;
  }
}

/** Builds the adapter; nothing connects until `start()`. */
export function createSlackAdapter(opts: SlackAdapterOptions): SlackAdapter {
  const { config, commands } = opts;
  for (const secret of [config.botToken, config.appToken, config.signingSecret]) redact(secret ?? undefined);
  const { store, workload, context } = adapterBasics(opts);
  const logger = boltLogger();
  const clientOptions = { slackApiUrl: config.apiUrl };
  const seen = new SeenIds();
  const refusals = createLogThrottle();
  const refused = (teamId: string | undefined, userId: string | undefined, what: string) =>
    refusals(teamId ?? 'none', (suppressed) => log.warn('slack request from a workspace not on SLACK_ALLOWED_TEAMS; refused', { team: teamId, user: userId, what, ...(suppressed ? { suppressed } : {}) }));

  let listening = false;
  let server: Server | null = null;
  let receiver: Receiver;
  /** Socket Mode: the connections, and which of them are open. */
  const sockets: SocketModeReceiver[] = [];
  const open = new Set<number>();
  if (config.mode === 'socket') {
    for (let k = 0; k < Math.max(1, opts.socketConnections ?? SOCKET_CONNECTIONS); k++) {
      const socket = new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions } });
      socket.client.on('connected', () => {
        open.add(k);
        log.info('slack socket connected', { connection: k + 1, open: open.size });
      });
      for (const state of ['close', 'disconnected', 'reconnecting']) {
        socket.client.on(state, () => {
          if (open.delete(k)) log.warn('slack socket ' + state, { connection: k + 1, open: open.size });
        });
      }
      sockets.push(socket);
    }
    receiver = sockets[0]!;
  } else {
    receiver = new HTTPReceiver({ signingSecret: config.signingSecret!, logger, processBeforeResponse: false });
  }
  // Deferred: `start()` runs auth.test itself, so a bad token fails start-up with a clear error.
  const app = new App({ token: config.botToken, receiver, logger, clientOptions, deferInitialization: true });

  // Unprompted posts get their own client that never retries by itself: the default
  // retries for half an hour, long after the scheduler has given up on the run, and a
  // retry after a 5xx or a dropped connection may post twice. The scheduler retries what
  // certainly did not go out; a 429 comes straight back and `postWithRateLimits`
  // decides whether to wait (delivery.ts).
  const poster = new webApi.WebClient(config.botToken, { slackApiUrl: config.apiUrl, logger, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  // Admin lookups run while a member waits for an answer: one try, three seconds.
  const lookups = new webApi.WebClient(config.botToken, { slackApiUrl: config.apiUrl, logger, timeout: 3000, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
  const admins = createSlackAdmins({
    allowList: config.adminUserIds,
    ttlMs: opts.adminTtlMs,
    lookup: async (_teamId, userId) => (await lookups.users.info({ user: userId })).user,
  });

  /** Whether this invocation is one only admins may run (so the member's status matters). */
  const needsAdmin = (name: string, args: CommandArgs): boolean => {
    const def = findCommand(commands, name);
    if (def?.admin) return true;
    const actions = def?.actions;
    return !!actions?.adminOnly?.includes(String(args[actions.option] ?? ''));
  };

  const allowed = (teamId: string | undefined): boolean => !config.allowedTeams || (!!teamId && config.allowedTeams.includes(teamId));

  const render = (reply: Reply, isPublic: boolean, userId: string | null, invokedAs?: string): SlackMessage => {
    // A page costs its own statements: render the first page once, twice only when a one-page answer needs parts.
    const keep = (answer: AnswerReply) => store.put({ reply: answer, public: isPublic, userId, invokedAs });
    if (reply.kind === 'answer' && slackPageCount(reply) > 1) return renderSlackBlocks(reply, 0, { replyId: keep(reply), invokedAs });
    const first = renderSlackBlocks(reply, 0, { invokedAs });
    if (reply.kind !== 'answer' || first.partCount === 1) return first;
    return renderSlackBlocks(reply, 0, { replyId: keep(reply), invokedAs });
  };

  /** The ack, never fatal: if it is lost, Slack redelivers and `seen` recognises the copy. */
  const safeAck = (ack: () => Promise<void>, what: string) =>
    ack().catch((err: unknown) => log.warn('slack ack failed; answering through the response_url anyway', { what, err: (err as Error).message }));

  type SlashCommand = Parameters<Parameters<typeof app.command>[1]>[0]['command'];

  async function onCommand(command: SlashCommand): Promise<void> {
    if (!seen.first(command.trigger_id)) {
      log.warn('slack command replayed; ignored', { command: command.command });
      return;
    }
    const started = Date.now();
    const url = command.response_url;
    if (!allowed(command.team_id)) {
      refused(command.team_id, command.user_id, command.command);
      await postToResponseUrl(url, { response_type: 'ephemeral', text: NOT_ALLOWED_MESSAGE }, opts.respond);
      return;
    }
    const parsed = parseSlashText(command.command, command.text ?? '', commands);
    let reply: Reply;
    if (!workload.accepting) reply = errorReply(parsed.command, 'unavailable', RESTARTING_MESSAGE);
    else if (!parsed.ok) reply = errorReply(parsed.command, 'bad-argument', parsed.message);
    else {
      const where: ChannelInfo = { platform: 'slack', workspaceId: command.team_id, channelId: command.channel_id };
      const limit = opts.rateLimiter?.take(`slack:${command.team_id}:${command.user_id}`, `slack:${command.team_id}:${command.channel_id}`);
      if (limit && !limit.ok) reply = errorReply(parsed.command, 'rate-limited', rateLimitMessage(limit));
      else {
        const isAdmin = needsAdmin(parsed.command, parsed.args) ? await admins.isAdmin(command.team_id, command.user_id) : admins.isListed(command.user_id);
        reply = await workload
          .compute(() => dispatch(context(command.user_id, isAdmin, where), parsed.command, parsed.args))
          .catch((err: unknown): Reply => (err instanceof BusyError ? errorReply(parsed.command, 'rate-limited', BUSY_MESSAGE) : failureReply(parsed.command, err)));
      }
    }
    const isPublic = parsed.ok && parsed.isPublic && reply.kind === 'answer';
    const m = render(reply, isPublic, command.user_id, parsed.ok ? parsed.invokedAs : command.command);
    await postToResponseUrl(url, { response_type: isPublic ? 'in_channel' : 'ephemeral', text: m.text, blocks: m.blocks }, opts.respond);
    log.info('slack command', { command: parsed.command, team: command.team_id, ms: Date.now() - started, public: isPublic, outcome: reply.kind === 'error' ? reply.code : 'answer' });
  }

  app.command(/^\/[\w-]+$/, async ({ command, ack }) => {
    await safeAck(ack, command.command);
    // Counted until answered, so a shutdown waits for it.
    await workload.track(onCommand(command));
  });

  /** A Previous/Next click: the stored answer's other page replaces the message. */
  async function onPageButton(action: { type: string; value?: string }, body: unknown): Promise<void> {
    const b = body as { response_url?: string; trigger_id?: string; team?: { id?: string } | null; user?: { id?: string } };
    if (!b.response_url || !seen.first(b.trigger_id)) return;
    if (!allowed(b.team?.id)) {
      refused(b.team?.id, b.user?.id, 'page button');
      return;
    }
    const target = action.type === 'button' ? parseSlackPageValue(action.value ?? '') : null;
    const stored = target ? store.get(target.replyId) : undefined;
    if (!target || !stored) {
      await postToResponseUrl(b.response_url, { response_type: 'ephemeral', replace_original: false, text: EXPIRED_MESSAGE }, opts.respond);
      return;
    }
    const m = renderSlackBlocks(stored.reply, target.page, { replyId: target.replyId, invokedAs: stored.invokedAs, part: target.part });
    await postToResponseUrl(b.response_url, { replace_original: true, text: m.text, blocks: m.blocks }, opts.respond);
  }

  app.action(new RegExp(`^(${SLACK_ACTIONS.previous}|${SLACK_ACTIONS.next})$`), async ({ action, body, ack }) => {
    await safeAck(ack, 'page button');
    await workload.track(onPageButton(action as { type: string; value?: string }, body));
  });

  app.error(async (err) => {
    log.error('slack handler failed', { err });
  });

  let port: number | null = null;
  return {
    name: 'slack',
    app,
    get port() {
      return port;
    },
    async start() {
      try {
        await app.init();
      } catch (err) {
        const code = (err as { data?: { error?: string } }).data?.error;
        throw new Error(`Slack rejected SLACK_BOT_TOKEN${code ? ` (${code})` : ''}: check the Bot User OAuth Token (xoxb-) under OAuth & Permissions.`, { cause: err });
      }
      if (config.mode === 'socket') {
        await app.start();
        // The other connections deliver to the same app: Slack spreads payloads over them.
        for (const extra of sockets.slice(1)) {
          extra.init(app);
          await extra.start();
        }
      } else {
        // A burst of slash commands arrives on as many connections: a deep accept queue keeps
        // them from being dropped and retried a second later (Slack wants the ack within 3 s).
        server = (await app.start({ port: config.port, host: opts.host, backlog: HTTP_BACKLOG })) as Server;
        port = (server.address() as AddressInfo).port;
        // Until a request has its HTTP 200 (the ack), commands yield to it: under a burst
        // every request is acknowledged first and the answers follow. A new connection
        // counts from the moment it is accepted, before its request has been read.
        server.on('connection', (socket) => {
          const read = workload.acknowledging();
          socket.once('data', () => setImmediate(read));
          socket.once('close', read);
        });
        server.on('request', (_req, res) => {
          const acked = workload.acknowledging();
          res.once('finish', acked);
          res.once('close', acked);
        });
        listening = true;
      }
      log.info('slack started', { mode: config.mode, ...(port !== null ? { port } : { connections: sockets.length }) });
    },
    async stop() {
      listening = false;
      await Promise.all(sockets.map((socket) => socket.client.disconnect()));
      open.clear();
      await app.stop();
    },
    isConnected() {
      return config.mode === 'socket' ? open.size > 0 : listening;
    },
    async postToChannel(channelId: string, reply: Reply) {
      const m = render(reply, true, null);
      await postWithRateLimits(() => poster.chat.postMessage({ channel: channelId, text: m.text, blocks: m.blocks as never, unfurl_links: false, unfurl_media: false }));
    },
  };
}
