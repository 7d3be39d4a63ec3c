/**
 * The Discord adapter: a discord.js client (Guilds intent only) that turns slash
 * commands into `dispatch(ctx, name, args)` calls and renders the reply as embeds.
 * Thin on purpose: validation, admin checks and error ids live in the dispatcher,
 * layout and limits in `src/render/discord.ts`.
 *
 * - Answers are ephemeral unless the user passes `public:true`.
 * - Commands take turns through the shared `Workload`. A command that has not
 *   answered within `deferAfterMs`, or that has to wait for its turn behind
 *   others, is deferred (Discord's 3-second deadline) and its answer arrives as an
 *   edit of the deferred reply.
 * - A callback Discord acknowledged but answered with a 5xx (so the retry gets
 *   40060 "already acknowledged") counts as sent: the answer still follows.
 * - While the process shuts down, new commands get `RESTARTING_MESSAGE`.
 * - Interactions from servers not on the allow-list are refused and logged.
 * - Every message carries `allowed_mentions: {parse: []}`.
 *
 * @example
 *   const discord = createDiscordAdapter({ config: config.discord, index, commands });
 *   await discord.start();
 */
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  type PermissionsBitField,
  REST,
  Routes,
  Status,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  RESTJSONErrorCodes,
} from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { errorReply, type AnswerReply, type Reply } from '../../core/reply.js';
import { dispatch, failureReply, findCommand } from '../../dispatch.js';
import type { ChannelInfo, ChatPlatform } from '../../health.js';
import { createLogThrottle, log, redact } from '../../log.js';
import { rateLimitMessage } from '../../rateLimit.js';
import { discordChoices, discordPageCount, renderDiscord, type DiscordMessage } from '../../render/discord.js';
import { EXPIRED_MESSAGE, parsePageButtonId } from '../../render/replyStore.js';
import { splitPublic } from './commands.js';
import { adapterBasics, type AdapterOptions } from '../options.js';
import { BUSY_MESSAGE, BusyError, RESTARTING_MESSAGE } from '../workload.js';
import { discordDeliveryError, rejectLongRateLimitWaits } from './delivery.js';

export interface DiscordAdapterOptions extends AdapterOptions {
  config: DiscordConfig;
  /** Defer when the command has not answered within this many ms (Discord's deadline is 3 s). */
  deferAfterMs?: number;
}

export const NOT_ALLOWED_MESSAGE = 'Briefbot is not enabled in this server.';

export interface DiscordAdapter extends ChatPlatform {
  readonly name: 'discord';
  readonly client: Client;
}

const NO_PINGS = Object.freeze({ parse: [] as [] });

/**
 * Interaction responses and the interaction webhook (edit, follow-up) are exempt
 * from Discord's global limit of 50 requests/s ("Interaction endpoints are not bound
 * to the bot's Global Rate Limit"), but @discordjs/rest applies it to every route
 * but the callback. This client's REST sends little else, so its global budget is
 * raised; per-route limits and any real 429 are still honoured. Scheduled posts
 * use a separate client with the default.
 */
const INTERACTION_REQUESTS_PER_SECOND = 1000;

/** Discord acknowledged the interaction already: a retry after a 5xx that had in fact gone through. */
function alreadyAcknowledged(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/** Tries an idempotent request again after a server error or a network failure (not after a 4xx). */
async function retryIdempotent<T>(send: () => Promise<T>, attempts = 3, waitMs = 1000): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const status = (err as { status?: number }).status;
      const clientError = err instanceof DiscordAPIError || (typeof status === 'number' && status < 500);
      if (clientError || attempt >= attempts) throw err;
      log.warn('discord request failed; trying again', { attempt, err: (err as Error).message });
      await new Promise((r) => setTimeout(r, waitMs));
    }
  }
}

/**
 * Channel admins, for `admin` commands and `/schedule add|remove|pause|resume`:
 * Manage Channels (in this channel, overwrites included) or Manage Guild;
 * Administrator implies both. `interaction.member.permissions` is computed by
 * Discord for the channel the command was typed in.
 */
export const CHANNEL_ADMIN_PERMISSIONS = Object.freeze([PermissionFlagsBits.ManageChannels, PermissionFlagsBits.ManageGuild]);

export function isChannelAdmin(permissions: Readonly<PermissionsBitField> | null | undefined): boolean {
  return permissions?.any([...CHANNEL_ADMIN_PERMISSIONS]) ?? false;
}

/** Builds the adapter; nothing connects until `start()`. */
export function createDiscordAdapter(opts: DiscordAdapterOptions): DiscordAdapter {
  const { config, commands } = opts;
  redact(config.token);
  const { store, workload, index, context } = adapterBasics(opts);
  const deferAfterMs = opts.deferAfterMs ?? 1500;
  const refusals = createLogThrottle();

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiBase, globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND },
    allowedMentions: { parse: [] },
  });

  // Unprompted posts get their own REST client: a timeout or 5xx is not retried behind
  // the scheduler's back (the post may have gone out), and a long rate-limit wait is
  // handed back to the scheduler instead of blocking (see delivery.ts).
  const poster = new REST({ api: config.apiBase, retries: 0, rejectOnRateLimit: rejectLongRateLimitWaits }).setToken(config.token);

  const allowed = (guildId: string | null): boolean => !config.allowedGuilds || (guildId !== null && config.allowedGuilds.includes(guildId));

  /** A rendered page as discord.js reply options. */
  const payload = (m: DiscordMessage, ephemeral: boolean): InteractionReplyOptions => ({
    ...(m.content ? { content: m.content } : {}),
    embeds: m.embeds,
    components: m.components as unknown as InteractionReplyOptions['components'],
    allowedMentions: NO_PINGS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  });

  const render = (reply: Reply, isPublic: boolean, userId: string | null): DiscordMessage => {
    // A page costs its own statements: render the first page once, twice only when a one-page answer needs parts.
    const keep = (answer: AnswerReply) => store.put({ reply: answer, public: isPublic, userId });
    if (reply.kind === 'answer' && discordPageCount(reply) > 1) return renderDiscord(reply, 0, { replyId: keep(reply) });
    const first = renderDiscord(reply);
    if (reply.kind !== 'answer' || first.partCount === 1) return first;
    return renderDiscord(reply, 0, { replyId: keep(reply) });
  };

  /** Logs (throttled per server) an interaction from a server not on the allow-list. */
  const refused = (i: Interaction) =>
    refusals(i.guildId ?? 'dm', (suppressed) => log.warn('discord interaction from a server not on DISCORD_ALLOWED_GUILDS; refused', { guild: i.guildId, user: i.user.id, type: i.type, ...(suppressed ? { suppressed } : {}) }));

  /** An ephemeral one-line answer, sent at once. */
  const replyError = (i: ChatInputCommandInteraction, code: Parameters<typeof errorReply>[1], message: string) =>
    i.reply(payload(renderDiscord(errorReply(i.commandName, code, message)), true));

  /**
   * Defers, ahead of any command waiting to run. A 40060 means an earlier attempt
   * (answered 5xx) went through, so the deferral stands.
   */
  async function deferReply(i: ChatInputCommandInteraction, isPublic: boolean): Promise<void> {
    const sent = workload.acknowledging();
    try {
      await i.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
    } catch (err) {
      if (!alreadyAcknowledged(err)) throw err;
      log.warn('discord deferral was acknowledged despite an error; continuing', { interaction: i.id });
      i.deferred = true;
    } finally {
      sent();
    }
  }

  async function onCommand(i: ChatInputCommandInteraction): Promise<void> {
    if (!allowed(i.guildId)) {
      refused(i);
      await i.reply({ content: NOT_ALLOWED_MESSAGE, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    if (!workload.accepting) {
      await replyError(i, 'unavailable', RESTARTING_MESSAGE);
      return;
    }
    const { args, isPublic } = splitPublic(i.options.data, findCommand(commands, i.commandName)?.actions);
    const isAdmin = isChannelAdmin(i.memberPermissions);
    const started = Date.now();
    const where: ChannelInfo = { platform: 'discord', workspaceId: i.guildId ?? '', channelId: i.channelId };
    const limit = opts.rateLimiter?.take(`discord:${i.user.id}`, `discord:${i.channelId}`);
    if (limit && !limit.ok) {
      await replyError(i, 'rate-limited', rateLimitMessage(limit));
      return;
    }
    // Behind a queue the answer cannot be quick: defer at once instead of waiting for the timer.
    const backlog = workload.waiting > 0;
    const work = workload
      .compute(() => dispatch(context(i.user.id, isAdmin, where), i.commandName, args))
      .catch((err: unknown): Reply => (err instanceof BusyError ? errorReply(i.commandName, 'rate-limited', BUSY_MESSAGE) : failureReply(i.commandName, err)));

    let first: Reply | 'slow' = 'slow';
    let outcome = 'answer';
    if (!backlog) {
      let timer: NodeJS.Timeout | undefined;
      const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), deferAfterMs)));
      first = await Promise.race([work, slow]);
      clearTimeout(timer);
    }

    if (first !== 'slow') {
      // Errors are for the asker only, even when they asked for a public answer.
      const ephemeral = !isPublic || first.kind === 'error';
      if (first.kind === 'error') outcome = first.code;
      try {
        await i.reply(payload(render(first, isPublic, i.user.id), ephemeral));
      } catch (err) {
        if (!alreadyAcknowledged(err)) throw err;
        log.warn('discord reply was acknowledged despite an error', { interaction: i.id });
      }
    } else {
      await deferReply(i, isPublic);
      const reply = await work;
      if (reply.kind === 'error') outcome = reply.code;
      const m = render(reply, isPublic, i.user.id);
      if (reply.kind === 'error' && isPublic) {
        // The deferred message is visible to the channel; keep the apology private.
        await i.deleteReply().catch(() => undefined);
        await i.followUp(payload(m, true));
      } else {
        // Editing the deferred message is idempotent: safe to send again after a 5xx or a dropped connection.
        await retryIdempotent(() => i.editReply({ content: m.content ?? null, embeds: m.embeds, components: payload(m, false).components, allowedMentions: NO_PINGS }));
      }
    }
    log.info('discord command', { command: i.commandName, guild: i.guildId, ms: Date.now() - started, public: isPublic, deferred: first === 'slow', outcome });
  }

  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const option = findCommand(commands, i.commandName)?.options.find((o) => o.name === focused.name);
    let names: string[] = [];
    if (!allowed(i.guildId)) refused(i);
    else if (option?.autocomplete) {
      try {
        names = index().suggest(option.autocomplete, String(focused.value ?? ''), 25);
      } catch (err) {
        log.warn('autocomplete failed', { command: i.commandName, option: focused.name, err });
      }
    }
    await i.respond(discordChoices(names));
  }

  async function onButton(i: ButtonInteraction): Promise<void> {
    const target = parsePageButtonId(i.customId);
    if (!target) return;
    if (!allowed(i.guildId)) {
      refused(i);
      await i.reply({ content: NOT_ALLOWED_MESSAGE, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const stored = store.get(target.replyId);
    if (!stored) {
      await i.reply({ content: EXPIRED_MESSAGE, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const m = renderDiscord(stored.reply, target.page, { replyId: target.replyId, part: target.part });
    await i.update({ embeds: m.embeds, components: payload(m, false).components, allowedMentions: NO_PINGS });
  }

  client.on(Events.InteractionCreate, (i: Interaction) => {
    const handled = i.isChatInputCommand() ? onCommand(i) : i.isAutocomplete() ? onAutocomplete(i) : i.isButton() ? onButton(i) : Promise.resolve();
    // Counted until answered, so a shutdown waits for it.
    workload.track(handled.catch((err: unknown) => log.error('discord interaction failed', { interaction: i.id, type: i.type, command: i.isCommand() ? i.commandName : undefined, err })));
  });
  client.on(Events.ShardReconnecting, (shard) => log.warn('discord gateway reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => log.info('discord gateway resumed', { shard, replayed }));
  client.on(Events.ShardReady, (shard) => log.info('discord gateway ready', { shard }));
  client.on(Events.Error, (err) => log.error('discord client error', { err }));

  return {
    name: 'discord',
    client,
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.token);
      await ready;
      log.info('discord connected', { user: client.user?.tag, guilds: client.guilds.cache.size });
    },
    async stop() {
      poster.clearHashSweeper();
      poster.clearHandlerSweeper();
      await client.destroy();
    },
    isConnected() {
      return client.isReady() && client.ws.shards.size > 0 && client.ws.shards.every((s) => s.status === Status.Ready);
    },
    async postToChannel(channelId: string, reply: Reply) {
      const m = render(reply, true, null);
      try {
        await poster.post(Routes.channelMessages(channelId), {
          body: { content: m.content, embeds: m.embeds, components: m.components, allowed_mentions: m.allowed_mentions },
        });
      } catch (err) {
        throw discordDeliveryError(err);
      }
    },
  };
}
