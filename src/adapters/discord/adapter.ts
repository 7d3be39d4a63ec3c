/**
 * The Discord adapter: a discord.js client (Guilds intent only) that turns slash
 * commands into `dispatch(ctx, name, args)` calls and renders the reply as embeds.
 * Thin on purpose: validation, admin checks and error ids live in the dispatcher,
 * layout and limits in `src/render/discord.ts`.
 *
 * - Answers are ephemeral unless the user passes `public:true`.
 * - A command that has not answered within `deferAfterMs` is deferred (Discord's
 *   3-second deadline) and its answer arrives as an edit of the deferred reply.
 * - Every message carries `allowed_mentions: {parse: []}`.
 *
 * @example
 *   const discord = createDiscordAdapter({ config: config.discord, index, commands });
 *   await discord.start();
 */
import {
  Client,
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
} from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { CommandContext, CommandDefinition } from '../../core/command.js';
import { errorReply, type Reply } from '../../core/reply.js';
import { dispatch, findCommand } from '../../dispatch.js';
import type { ChannelInfo, ChatPlatform } from '../../health.js';
import type { BriefingIndex } from '../../index/briefingIndex.js';
import { log, redact } from '../../log.js';
import { rateLimitMessage, type RateLimiter } from '../../rateLimit.js';
import { discordChoices, renderDiscord, type DiscordMessage } from '../../render/discord.js';
import { EXPIRED_MESSAGE, ReplyStore, parsePageButtonId } from '../../render/replyStore.js';
import { splitPublic, type SubcommandSpecs } from './commands.js';
import { discordDeliveryError, rejectLongRateLimitWaits } from './delivery.js';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  /** The loaded corpus; a function lets the process swap in a reloaded index. */
  index: BriefingIndex | (() => BriefingIndex);
  commands: readonly CommandDefinition[];
  now?: () => Date;
  /** Defer when the command has not answered within this many ms (Discord's deadline is 3 s). */
  deferAfterMs?: number;
  store?: ReplyStore;
  /** Commands shown as Discord subcommands (see `deployDiscordCommands`; pass the same). */
  subcommands?: SubcommandSpecs;
  /** Extra context for commands (e.g. `{ schedules }`), merged into every `CommandContext`. */
  contextExtras?: () => object;
  /** Per-user and per-channel limits; a limited command gets "try again in N s". */
  rateLimiter?: RateLimiter;
}

export const NOT_ALLOWED_MESSAGE = 'Briefbot is not enabled in this server.';

export interface DiscordAdapter extends ChatPlatform {
  readonly name: 'discord';
  readonly client: Client;
}

const NO_PINGS = Object.freeze({ parse: [] as [] });

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
  const now = opts.now ?? (() => new Date());
  const deferAfterMs = opts.deferAfterMs ?? 1500;
  const store = opts.store ?? new ReplyStore();
  const index = typeof opts.index === 'function' ? opts.index : () => opts.index as BriefingIndex;

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiBase },
    allowedMentions: { parse: [] },
  });

  const context = (userId: string, isAdmin: boolean, channel: ChannelInfo): CommandContext & { channel: ChannelInfo } => ({
    ...opts.contextExtras?.(),
    index: index(),
    now: now(),
    user: { id: userId, isAdmin },
    commands,
    channel,
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
    const first = renderDiscord(reply);
    if (reply.kind !== 'answer' || first.pageCount === 1) return first;
    const replyId = store.put({ reply, public: isPublic, userId });
    return renderDiscord(reply, 0, { replyId });
  };

  async function onCommand(i: ChatInputCommandInteraction): Promise<void> {
    if (!allowed(i.guildId)) {
      await i.reply({ content: NOT_ALLOWED_MESSAGE, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const { args, isPublic } = splitPublic(i.options.data, opts.subcommands?.[i.commandName]);
    const isAdmin = isChannelAdmin(i.memberPermissions);
    const started = Date.now();
    const where: ChannelInfo = { platform: 'discord', workspaceId: i.guildId ?? '', channelId: i.channelId };
    const limit = opts.rateLimiter?.take(`discord:${i.user.id}`, `discord:${i.channelId}`);
    if (limit && !limit.ok) {
      await i.reply(payload(renderDiscord(errorReply(i.commandName, 'rate-limited', rateLimitMessage(limit))), true));
      return;
    }
    const work = dispatch(context(i.user.id, isAdmin, where), i.commandName, args);

    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), deferAfterMs)));
    const first = await Promise.race([work, slow]);
    clearTimeout(timer);

    if (first !== 'slow') {
      // Errors are for the asker only, even when they asked for a public answer.
      const ephemeral = !isPublic || first.kind === 'error';
      await i.reply(payload(render(first, isPublic, i.user.id), ephemeral));
    } else {
      await i.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
      const reply = await work;
      const m = render(reply, isPublic, i.user.id);
      if (reply.kind === 'error' && isPublic) {
        // The deferred message is visible to the channel; keep the apology private.
        await i.deleteReply().catch(() => undefined);
        await i.followUp(payload(m, true));
      } else {
        await i.editReply({ content: m.content ?? null, embeds: m.embeds, components: payload(m, false).components, allowedMentions: NO_PINGS });
      }
    }
    log.info('discord command', { command: i.commandName, guild: i.guildId, ms: Date.now() - started, public: isPublic });
  }

  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const option = findCommand(commands, i.commandName)?.options.find((o) => o.name === focused.name);
    let names: string[] = [];
    if (option?.autocomplete && allowed(i.guildId)) {
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
    const stored = store.get(target.replyId);
    if (!stored) {
      await i.reply({ content: EXPIRED_MESSAGE, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const m = renderDiscord(stored.reply, target.page, { replyId: target.replyId });
    await i.update({ embeds: m.embeds, components: payload(m, false).components, allowedMentions: NO_PINGS });
  }

  client.on(Events.InteractionCreate, (i: Interaction) => {
    const handled = i.isChatInputCommand() ? onCommand(i) : i.isAutocomplete() ? onAutocomplete(i) : i.isButton() ? onButton(i) : Promise.resolve();
    handled.catch((err: unknown) => log.error('discord interaction failed', { interaction: i.id, type: i.type, err }));
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
