/**
 * `npm start`: one process, one loaded corpus, every chat platform whose tokens are
 * configured (Discord, Slack), plus `/health`. With no platform configured (or
 * `--console`), the local console instead.
 *
 * Start-up order: configuration (all problems at once) -> health server (503
 * "starting") -> corpus (then watched for changes) -> platforms -> scheduled posts
 * -> health 200 "ready". SIGTERM/SIGINT stop everything cleanly.
 */
import { pathToFileURL } from 'node:url';
import { commands as declaredCommands } from '../commands/index.js';
import { runConsole } from './adapters/console.js';
import { createDiscordAdapter } from './adapters/discord/adapter.js';
import { DISCORD_SUBCOMMANDS } from './adapters/discord/subcommands.js';
import { createSlackAdapter } from './adapters/slack/adapter.js';
import { SLACK_ADMIN_ACTIONS, SLACK_TEXT_PARSERS } from './adapters/slack/textParsers.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { CommandDefinition } from './core/command.js';
import { readiness, startHealthServer, type ChatPlatform, type HealthServer } from './health.js';
import { dispatch } from './dispatch.js';
import { LiveCorpus } from './index/live.js';
import { loadBriefingIndex } from './index/load.js';
import { log, setLogLevel } from './log.js';
import { RateLimiter } from './rateLimit.js';
import { DeliveryError } from './schedule/scheduler.js';
import { startScheduledPosts, type ScheduledPosts, type ScheduledPostsOptions } from './schedule/setup.js';

export interface Briefbot {
  /** The corpus, watched and swapped in whole when its folder changes. */
  readonly corpus: LiveCorpus;
  readonly platforms: readonly ChatPlatform[];
  readonly health: HealthServer | null;
  /** Scheduled posts, when `/schedule` is among the commands. */
  readonly scheduled: ScheduledPosts | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  commands?: readonly CommandDefinition[];
  now?: () => Date;
  /** Watch the corpus folder for changes (default true). */
  watchCorpus?: boolean;
  /** Scheduler settings (grace period, retries, polling); defaults in `SCHEDULER_DEFAULTS`. */
  scheduler?: Omit<NonNullable<ScheduledPostsOptions['scheduler']>, 'platforms'>;
}

/** True when the configuration enables at least one chat platform. */
export function hasPlatforms(config: Config): boolean {
  return !config.forceConsole && (config.discord !== null || config.slack !== null);
}

/**
 * Starts the health server, loads the corpus and connects every configured platform,
 * then the scheduler. Rejects (after stopping what did start) if the corpus or a
 * platform fails.
 *
 * @example const bot = await startBriefbot(loadConfig()); await bot.stop();
 */
export async function startBriefbot(config: Config, opts: StartOptions = {}): Promise<Briefbot> {
  const commands = opts.commands ?? declaredCommands;
  const now = opts.now ?? (() => new Date());
  const platforms: ChatPlatform[] = [];
  const corpus = new LiveCorpus({ corpusDir: config.corpusDir, load: () => loadBriefingIndex({ corpusDir: config.corpusDir, cacheDir: config.cacheDir }) });
  let scheduled: ScheduledPosts | null = null;
  let wasReady = false;
  const status = () => {
    const s = readiness(corpus.loaded ? corpus.current() : null, platforms, wasReady);
    if (s.status === 'ready') wasReady = true;
    return s;
  };
  const health = config.healthPort === null ? null : await startHealthServer({ port: config.healthPort, status });
  if (health) log.info('health server listening', { port: health.port, path: '/health' });

  const stop = async () => {
    await scheduled?.stop();
    await Promise.allSettled(platforms.map((p) => p.stop()));
    corpus.stop();
    await health?.close();
  };

  try {
    const started = Date.now();
    const index = await corpus.start({ watch: opts.watchCorpus ?? true });
    const warnings = index.warnings();
    log.info('corpus loaded', { corpusDir: config.corpusDir, articles: index.articles().length, warnings: warnings.length, ms: Date.now() - started });
    for (const w of warnings.slice(0, 20)) log.warn('corpus warning', { file: w.file, message: w.message });

    const shared = {
      index: () => corpus.current(),
      commands,
      now,
      contextExtras: () => ({ corpus, ...(scheduled ? { schedules: scheduled.service } : {}) }),
      rateLimiter: new RateLimiter(),
    };
    if (config.discord) platforms.push(createDiscordAdapter({ ...shared, config: config.discord, subcommands: DISCORD_SUBCOMMANDS }));
    if (config.slack) platforms.push(createSlackAdapter({ ...shared, config: config.slack, textParsers: SLACK_TEXT_PARSERS, adminActions: SLACK_ADMIN_ACTIONS }));
    await Promise.all(platforms.map((p) => p.start()));

    if (commands.some((c) => c.name === 'schedule')) {
      scheduled = startScheduledPosts({
        dataDir: config.dataDir,
        // Neither Discord nor Slack gives a channel a time zone: the default is TZ.
        defaultZone: config.timeZone,
        // Post only where this process is connected; another process sharing the database may serve the rest.
        scheduler: { graceMs: config.scheduleGraceMinutes * 60_000, ...opts.scheduler, platforms: platforms.map((p) => p.name) },
        index: () => corpus.current(),
        clock: now,
        deliver: async (schedule, reply) => {
          const platform = platforms.find((p) => p.name === schedule.platform);
          if (!platform) throw new DeliveryError({ retryable: false, reason: `${schedule.platform} is not configured on this bot` });
          await platform.postToChannel(schedule.channelId, reply);
        },
        runCommand: (schedule, at) => dispatch({ index: corpus.current(), now: at, commands }, schedule.command, schedule.topic ? { topic: schedule.topic } : {}),
      });
      log.info('scheduled posts running', { database: `${config.dataDir}/briefbot.db` });
    }
    log.info('briefbot ready', { platforms: platforms.map((p) => p.name), commands: commands.map((c) => c.name) });
  } catch (err) {
    await stop();
    throw err;
  }
  return { corpus, platforms, health, scheduled, stop };
}

async function main(argv: readonly string[]): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(undefined, argv);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
  setLogLevel(config.logLevel);

  if (!hasPlatforms(config)) {
    if (!config.forceConsole) log.info('no DISCORD_TOKEN or SLACK_BOT_TOKEN set: starting the local console');
    const index = await loadBriefingIndex({ corpusDir: config.corpusDir, cacheDir: config.cacheDir });
    await runConsole({ index, commands: declaredCommands, input: process.stdin, output: process.stdout });
    return 0;
  }

  const bot = await startBriefbot(config);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log.info('shutting down', { signal });
      resolve();
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  await bot.stop();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.on('unhandledRejection', (err) => log.error('unhandled rejection', { err }));
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      log.error('briefbot failed to start', { err });
      process.exit(1);
    },
  );
}
