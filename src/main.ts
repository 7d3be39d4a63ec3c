/**
 * `npm start`: one process, one loaded corpus, every chat platform whose tokens are
 * configured (Discord, Slack), plus `/health`. With no platform configured (or
 * `--console`), the local console instead.
 *
 * Start-up order: configuration (all problems at once) -> health server (503
 * "starting") -> corpus (then watched for changes) -> platforms -> scheduled posts
 * -> health 200 "ready".
 *
 * Shutdown (SIGTERM from `docker stop`, SIGINT from Ctrl-C): /health turns 503
 * "stopping"; new commands are answered "Briefbot is restarting; try again in a
 * minute"; commands in flight finish and their answers are delivered (up to
 * `SHUTDOWN.drainMs`); the scheduler stops and the database is checkpointed and
 * closed; the platforms disconnect; exit 0, well inside Docker's 10 s. A second
 * signal, or a shutdown that overruns `SHUTDOWN.hardMs`, exits 1 at once.
 *
 * Unhandled rejections are logged and the process keeps running; so are uncaught
 * exceptions, unless they keep coming (`CRASH_LOOP`): then it shuts down with exit
 * code 1 for the supervisor to restart it.
 */
import { pathToFileURL } from 'node:url';
import { commands as declaredCommands } from '../commands/index.js';
import { runConsole } from './adapters/console.js';
import { createDiscordAdapter } from './adapters/discord/adapter.js';
import { createSlackAdapter } from './adapters/slack/adapter.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { CommandDefinition } from './core/command.js';
import { readiness, startHealthServer, type ChatPlatform, type HealthServer } from './health.js';
import { dispatch, newErrorId } from './dispatch.js';
import { Workload, type DrainResult } from './adapters/workload.js';
import { LiveCorpus } from './index/live.js';
import { loadBriefingIndex, reloadBriefingIndex, snapshotBacked } from './index/load.js';
import { log, scrub, setLogLevel } from './log.js';
import { LOADING_LABEL, withProgressBar, type ProgressStream } from './progress.js';
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
  /** Commands waiting, running and being answered, on every platform. */
  readonly workload: Workload;
  /** Stops at once: whatever is in flight is dropped. */
  stop(): Promise<void>;
  /**
   * Stops gracefully: new commands are answered "restarting", those in flight are
   * finished and answered (waiting at most `drainMs`), then the scheduler, the
   * database and the connections are closed.
   */
  shutdown(opts?: { drainMs?: number }): Promise<DrainResult>;
}

/** Shutdown budget, inside Docker's default 10 s between SIGTERM and SIGKILL. */
export const SHUTDOWN = Object.freeze({ drainMs: 7000, hardMs: 9500 });

export interface StartOptions {
  commands?: readonly CommandDefinition[];
  now?: () => Date;
  /** Watch the corpus folder for changes (default true). */
  watchCorpus?: boolean;
  /** Scheduler settings (grace period, retries, polling); defaults in `SCHEDULER_DEFAULTS`. */
  scheduler?: Omit<NonNullable<ScheduledPostsOptions['scheduler']>, 'platforms'>;
  /** Where the first load draws its progress bar (only if it is a terminal); default stderr. */
  progress?: ProgressStream;
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
  // The first load draws a progress bar on a terminal. A reload re-extracts only the files that
  // changed and, with a cache folder, runs in a worker thread: commands go on meanwhile.
  const loadOpts = { corpusDir: config.corpusDir, cacheDir: config.cacheDir };
  const corpus = new LiveCorpus({
    corpusDir: config.corpusDir,
    load: (previous) =>
      previous
        ? reloadBriefingIndex(previous, loadOpts)
        : withProgressBar(opts.progress ?? process.stderr, LOADING_LABEL, (bar) => reloadBriefingIndex(null, { ...loadOpts, onProgress: bar.update, onPhase: bar.status })),
    // after a load built in memory, answer from the snapshot file once it is written (articles stay on disk)
    lighten: (index) => snapshotBacked(index, loadOpts),
  });
  const workload = new Workload();
  let scheduled: ScheduledPosts | null = null;
  let wasReady = false;
  let startedUp = false;
  let stopping = false;
  const status = () => {
    const s = readiness(corpus.loaded ? corpus.current() : null, platforms, wasReady);
    if (stopping) return { ...s, status: 'stopping' as const };
    // Ready once start-up is complete: every platform (every Slack connection) and the scheduler.
    if (!startedUp) return { ...s, status: 'starting' as const };
    if (s.status === 'ready') wasReady = true;
    return s;
  };
  const health = config.healthPort === null ? null : await startHealthServer({ port: config.healthPort, status });
  if (health) log.info('health server listening', { port: health.port, path: '/health' });

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      stopping = true;
      // The scheduler first: it waits for posts under way, then checkpoints and closes the database.
      await scheduled?.stop().catch((err: unknown) => log.error('scheduler did not stop cleanly', { err }));
      await Promise.allSettled(platforms.map((p) => p.stop()));
      corpus.stop();
      await health?.close();
    })());

  const shutdown = async ({ drainMs = SHUTDOWN.drainMs }: { drainMs?: number } = {}): Promise<DrainResult> => {
    stopping = true;
    const inFlight = workload.inFlight;
    // No new scheduled runs while the commands finish; posts under way complete.
    const schedulerStopped = scheduled?.scheduler.stop();
    const drained = await workload.drain(drainMs);
    if (drained.finished) log.info('commands in flight answered', { count: inFlight });
    else log.warn('gave up waiting for commands in flight', { abandoned: drained.abandoned, waitedMs: drainMs });
    await schedulerStopped;
    await stop();
    return drained;
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
      workload,
    };
    if (config.discord) platforms.push(createDiscordAdapter({ ...shared, config: config.discord }));
    if (config.slack) platforms.push(createSlackAdapter({ ...shared, config: config.slack }));

    // Before the platforms connect, so /schedule works from the first command; posts go
    // out over REST and the Web API, which need no gateway or socket.
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
    await Promise.all(platforms.map((p) => p.start()));
    startedUp = true;
    log.info('briefbot ready', { platforms: platforms.map((p) => p.name), commands: commands.map((c) => c.name) });
  } catch (err) {
    await stop();
    throw err;
  }
  return { corpus, platforms, health, scheduled, workload, stop, shutdown };
}

/** Uncaught exceptions tolerated in `windowMs` before the process gives up and restarts. */
export const CRASH_LOOP = Object.freeze({ exceptions: 10, windowMs: 60_000 });

/**
 * Makes stray errors visible and not fatal: an unhandled rejection or an uncaught
 * exception is logged (error id, message, stack) and the process keeps serving.
 * `onCrashLoop` runs once when uncaught exceptions keep coming.
 */
export function installProcessGuards(onCrashLoop: () => void): void {
  const recent: number[] = [];
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled rejection; still running', { errorId: newErrorId(), err: reason });
  });
  process.on('uncaughtException', (err, origin) => {
    log.error('uncaught exception; still running', { errorId: newErrorId(), origin, err });
    const now = Date.now();
    recent.push(now);
    while (recent.length > 0 && now - recent[0]! > CRASH_LOOP.windowMs) recent.shift();
    if (recent.length === CRASH_LOOP.exceptions) {
      log.error('uncaught exceptions keep coming; shutting down for a restart', { count: recent.length, windowMs: CRASH_LOOP.windowMs });
      onCrashLoop();
    }
  });
}

/**
 * Resolves with the first SIGTERM or SIGINT. A second one exits at once: the
 * operator means it.
 */
function firstStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received: NodeJS.Signals | null = null;
    const on = (signal: NodeJS.Signals) => {
      if (received) {
        log.warn('second stop signal; exiting now', { signal, first: received });
        process.exit(1);
      }
      received = signal;
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });
}

async function main(argv: readonly string[]): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(undefined, argv);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(scrub(e.message) + '\n');
      return 2;
    }
    throw e;
  }
  setLogLevel(config.logLevel);
  const stopSignal = firstStopSignal();
  const crashLoop = new Promise<'crash-loop'>((resolve) => installProcessGuards(() => resolve('crash-loop')));
  const stopRequest = Promise.race([stopSignal, crashLoop]);

  if (!hasPlatforms(config)) {
    if (!config.forceConsole) log.info('no DISCORD_TOKEN or SLACK_BOT_TOKEN set: starting the local console');
    const quit = new AbortController();
    void stopRequest.then(() => quit.abort());
    const load = withProgressBar(process.stderr, LOADING_LABEL, (bar) => loadBriefingIndex({ corpusDir: config.corpusDir, cacheDir: config.cacheDir, onProgress: bar.update, onPhase: bar.status }));
    const index = await Promise.race([load, stopRequest.then(() => null)]);
    if (index) await runConsole({ index, commands: declaredCommands, input: process.stdin, output: process.stdout, signal: quit.signal });
    return 0;
  }

  // A stop signal during start-up: nothing is in flight yet, so stop at once.
  const bot = await Promise.race([startBriefbot(config), stopRequest.then(() => null)]);
  if (!bot) {
    log.info('stop signal during start-up; exiting');
    return 0;
  }
  const reason = await stopRequest;
  log.info('shutting down', { signal: reason, inFlight: bot.workload.inFlight });
  setTimeout(() => {
    log.error('shutdown overran its deadline; exiting', { ms: SHUTDOWN.hardMs });
    process.exit(1);
  }, SHUTDOWN.hardMs).unref();
  const drained = await bot.shutdown();
  log.info('stopped', { clean: drained.finished });
  return drained.finished && reason !== 'crash-loop' ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      log.error('briefbot failed to start', { err });
      process.exit(1);
    },
  );
}
