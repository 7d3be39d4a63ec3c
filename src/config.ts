/**
 * Configuration: the only module that reads `process.env`.
 *
 * `loadConfig(env, argv)` is pure given its inputs (apart from registering every
 * token with `redact()` so no log line can carry it): it validates every setting,
 * collects *all* problems and throws one `ConfigError` listing them, or returns a
 * frozen `Config`. Called without arguments it reads `process.env`, merged once
 * with a `.env` file in the working directory (real environment variables win).
 *
 * @example
 *   const config = loadConfig({ DISCORD_TOKEN: '...', DISCORD_APPLICATION_ID: '...' }, []);
 *   config.discord?.apiBase; // 'https://discord.com/api'
 */
import dotenv from 'dotenv';
import { redact } from './log.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Env = Readonly<Record<string, string | undefined>>;

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string;
  /** Register commands to this guild only (instant updates while developing). */
  readonly guildId: string | null;
  /** REST base URL without the version, e.g. `https://discord.com/api`. */
  readonly apiBase: string;
  /** When set, the bot answers only in these guilds. */
  readonly allowedGuilds: readonly string[] | null;
}

export interface SlackConfig {
  readonly botToken: string;
  /** Required in HTTP mode; Socket Mode does not sign requests. */
  readonly signingSecret: string | null;
  readonly appToken: string | null;
  /** `socket` when `SLACK_APP_TOKEN` is set, `http` otherwise. */
  readonly mode: 'socket' | 'http';
  /** HTTP receiver port (HTTP mode only). */
  readonly port: number;
  /** Web API base URL ending in `/`, e.g. `https://slack.com/api/`. */
  readonly apiUrl: string;
  readonly adminUserIds: readonly string[];
  /** When set, the bot answers only in these workspaces (team ids). */
  readonly allowedTeams: readonly string[] | null;
}

export interface Config {
  readonly corpusDir: string;
  readonly dataDir: string;
  /** Extraction cache; null disables it. */
  readonly cacheDir: string | null;
  /** Port of the `/health` server; null disables it; 0 picks a free port. */
  readonly healthPort: number | null;
  readonly logLevel: LogLevel;
  /** IANA zone for schedules and "today". */
  readonly timeZone: string;
  /** A scheduled run missed by less than this (after downtime) is posted late, once. */
  readonly scheduleGraceMinutes: number;
  /** `--console`: ignore platform tokens and run the local console. */
  readonly forceConsole: boolean;
  readonly discord: DiscordConfig | null;
  readonly slack: SlackConfig | null;
}

export const DEFAULTS = Object.freeze({
  corpusDir: 'seeds',
  dataDir: './data',
  healthPort: 8080,
  slackPort: 3000,
  logLevel: 'info' as LogLevel,
  timeZone: 'UTC',
  scheduleGraceMinutes: 15,
  discordApiBase: 'https://discord.com/api',
  slackApiUrl: 'https://slack.com/api/',
});

/** Every variable `loadConfig` understands, for `.env.example` and the docs test. */
export const CONFIG_VARIABLES = Object.freeze([
  'CORPUS_DIR',
  'DATA_DIR',
  'CACHE_DIR',
  'HEALTH_PORT',
  'LOG_LEVEL',
  'TZ',
  'SCHEDULE_GRACE_MINUTES',
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_BASE',
  'DISCORD_ALLOWED_GUILDS',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_API_URL',
  'PORT',
  'SLACK_ADMIN_USER_IDS',
  'SLACK_ALLOWED_TEAMS',
] as const);

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Briefbot cannot start. Fix ${problems.length === 1 ? 'this setting' : `these ${problems.length} settings`} (environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
const SNOWFLAKE = /^\d{17,20}$/;
/** Bot tokens are three base64url parts: user id, timestamp, HMAC. */
const DISCORD_TOKEN_SHAPE = /^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SLACK_TEAM_OR_USER = /^[TUWE][A-Z0-9]{2,}$/;

/** `.env` in the working directory merged under the real environment, read once. */
let dotenvCache: Env | null = null;
export function environmentWithDotenv(): Env {
  if (!dotenvCache) {
    const merged: Record<string, string | undefined> = { ...process.env };
    // processEnv: a copy, so process.env itself is never mutated; a missing .env is fine.
    dotenv.config({ processEnv: merged, quiet: true });
    dotenvCache = Object.freeze(merged);
  }
  return dotenvCache;
}

/**
 * Validates the environment and command-line flags; throws `ConfigError` listing every
 * problem at once. Flags: `--corpus <dir>`, `--console`, `--no-health`.
 */
export function loadConfig(env: Env = environmentWithDotenv(), argv: readonly string[] = []): Config {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const v = env[name];
    if (v === undefined) return undefined;
    const t = v.trim();
    return t === '' ? undefined : t;
  };

  // Register secrets first: even a malformed token must never reach a log line.
  for (const name of ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN']) {
    const v = get(name);
    redact(v);
    if (v?.startsWith('Bot ')) redact(v.slice(4));
  }

  const flags = parseFlags(argv, problems);

  const corpusDir = flags.corpus ?? get('CORPUS_DIR') ?? DEFAULTS.corpusDir;
  const dataDir = get('DATA_DIR') ?? DEFAULTS.dataDir;
  const cacheRaw = get('CACHE_DIR');
  const cacheDir = cacheRaw === undefined ? joinPath(dataDir, 'cache') : /^(off|none|false|0)$/i.test(cacheRaw) ? null : cacheRaw;

  let healthPort: number | null = DEFAULTS.healthPort;
  const healthRaw = get('HEALTH_PORT');
  if (flags.noHealth || (healthRaw !== undefined && /^(off|none|false)$/i.test(healthRaw))) healthPort = null;
  else if (healthRaw !== undefined) healthPort = parsePort('HEALTH_PORT', healthRaw, problems);

  let logLevel: LogLevel = DEFAULTS.logLevel;
  const levelRaw = get('LOG_LEVEL');
  if (levelRaw !== undefined) {
    const l = levelRaw.toLowerCase() as LogLevel;
    if (LOG_LEVELS.includes(l)) logLevel = l;
    else problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${clip(levelRaw)}").`);
  }

  let timeZone: string = DEFAULTS.timeZone;
  const tzRaw = get('TZ');
  if (tzRaw !== undefined) {
    if (isTimeZone(tzRaw)) timeZone = tzRaw;
    else problems.push(`TZ must be an IANA time zone such as Europe/Kyiv or UTC (got "${clip(tzRaw)}").`);
  }

  let scheduleGraceMinutes: number = DEFAULTS.scheduleGraceMinutes;
  const graceRaw = get('SCHEDULE_GRACE_MINUTES');
  if (graceRaw !== undefined) {
    const g = Number(graceRaw);
    if (Number.isInteger(g) && g >= 0 && g <= 1440) scheduleGraceMinutes = g;
    else problems.push(`SCHEDULE_GRACE_MINUTES must be a whole number of minutes from 0 to 1440 (got "${clip(graceRaw)}").`);
  }

  const discord = discordConfig(get, problems);
  const slack = slackConfig(get, problems);

  if (slack?.mode === 'http' && healthPort !== null && healthPort !== 0 && healthPort === slack.port) {
    problems.push(`HEALTH_PORT and PORT are both ${slack.port}; the health server and the Slack HTTP receiver need different ports.`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze({
    corpusDir,
    dataDir,
    cacheDir,
    healthPort,
    logLevel,
    timeZone,
    scheduleGraceMinutes,
    forceConsole: flags.console,
    discord,
    slack,
  });
}

function discordConfig(get: (n: string) => string | undefined, problems: string[]): DiscordConfig | null {
  const token = get('DISCORD_TOKEN');
  const applicationId = get('DISCORD_APPLICATION_ID');
  const guildId = get('DISCORD_GUILD_ID');
  const apiBaseRaw = get('DISCORD_API_BASE');
  const allowedRaw = get('DISCORD_ALLOWED_GUILDS');
  if (token === undefined) {
    const stray = (['DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_ALLOWED_GUILDS'] as const).filter((n) => get(n) !== undefined);
    if (stray.length > 0) problems.push(`${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but DISCORD_TOKEN is not: set DISCORD_TOKEN to enable Discord, or remove ${stray.length === 1 ? 'it' : 'them'}.`);
    return null;
  }
  const before = problems.length;
  if (token.startsWith('Bot ')) problems.push('DISCORD_TOKEN must be the bare bot token, without the "Bot " prefix.');
  else if (!DISCORD_TOKEN_SHAPE.test(token)) {
    problems.push(`DISCORD_TOKEN does not look like a bot token (expected three dot-separated parts, got ${token.length} characters); copy it from Developer Portal > Bot > Reset Token.`);
  }
  if (applicationId === undefined) problems.push('DISCORD_APPLICATION_ID is required with DISCORD_TOKEN (Developer Portal > General Information > Application ID).');
  else if (!SNOWFLAKE.test(applicationId)) problems.push(`DISCORD_APPLICATION_ID must be a numeric id of 17-20 digits (got "${clip(applicationId)}").`);
  if (guildId !== undefined && !SNOWFLAKE.test(guildId)) problems.push(`DISCORD_GUILD_ID must be a numeric server id of 17-20 digits (got "${clip(guildId)}").`);
  const apiBase = apiBaseRaw === undefined ? DEFAULTS.discordApiBase : parseUrl('DISCORD_API_BASE', apiBaseRaw, problems)?.replace(/\/+$/, '');
  let allowedGuilds: string[] | null = null;
  if (allowedRaw !== undefined) {
    allowedGuilds = splitList(allowedRaw);
    const bad = allowedGuilds.filter((g) => !SNOWFLAKE.test(g));
    if (bad.length > 0) problems.push(`DISCORD_ALLOWED_GUILDS must be a comma-separated list of server ids (bad: ${bad.map(clip).join(', ')}).`);
  }
  if (problems.length > before || apiBase === undefined) return null;
  return { token, applicationId: applicationId!, guildId: guildId ?? null, apiBase, allowedGuilds };
}

function slackConfig(get: (n: string) => string | undefined, problems: string[]): SlackConfig | null {
  const botToken = get('SLACK_BOT_TOKEN');
  const signingSecret = get('SLACK_SIGNING_SECRET');
  const appToken = get('SLACK_APP_TOKEN');
  const apiUrlRaw = get('SLACK_API_URL');
  const portRaw = get('PORT');
  if (botToken === undefined) {
    const stray = (['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_ADMIN_USER_IDS', 'SLACK_ALLOWED_TEAMS'] as const).filter((n) => get(n) !== undefined);
    if (stray.length > 0) problems.push(`${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but SLACK_BOT_TOKEN is not: set SLACK_BOT_TOKEN to enable Slack, or remove ${stray.length === 1 ? 'it' : 'them'}.`);
    return null;
  }
  const before = problems.length;
  if (botToken.startsWith('xoxp-')) problems.push('SLACK_BOT_TOKEN is a user token (xoxp-); use the Bot User OAuth Token (xoxb-) from OAuth & Permissions.');
  else if (!/^xoxb-[A-Za-z0-9-]{10,}$/.test(botToken)) problems.push('SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions > Bot User OAuth Token).');
  if (appToken !== undefined && !/^xapp-[A-Za-z0-9-]{10,}$/.test(appToken)) {
    problems.push('SLACK_APP_TOKEN must be an app-level token starting with xapp- with the connections:write scope (Basic Information > App-Level Tokens).');
  }
  const mode = appToken !== undefined ? 'socket' : 'http';
  if (signingSecret === undefined) {
    if (mode === 'http') problems.push('SLACK_SIGNING_SECRET is required when SLACK_APP_TOKEN is not set (HTTP mode verifies every request); find it under Basic Information > App Credentials.');
  } else if (!/^[A-Za-z0-9]{16,}$/.test(signingSecret)) {
    problems.push(`SLACK_SIGNING_SECRET must be the 32-character signing secret from Basic Information > App Credentials (got ${signingSecret.length} characters).`);
  }
  let port: number = DEFAULTS.slackPort;
  if (portRaw !== undefined) port = parsePort('PORT', portRaw, problems) ?? port;
  let apiUrl: string | undefined = DEFAULTS.slackApiUrl;
  if (apiUrlRaw !== undefined) {
    apiUrl = parseUrl('SLACK_API_URL', apiUrlRaw, problems);
    if (apiUrl !== undefined && !apiUrl.endsWith('/')) apiUrl += '/';
  }
  const adminRaw = get('SLACK_ADMIN_USER_IDS');
  const adminUserIds = adminRaw === undefined ? [] : splitList(adminRaw);
  const badAdmins = adminUserIds.filter((u) => !SLACK_TEAM_OR_USER.test(u));
  if (badAdmins.length > 0) problems.push(`SLACK_ADMIN_USER_IDS must be a comma-separated list of member ids like U012AB3CD (bad: ${badAdmins.map(clip).join(', ')}).`);
  const teamsRaw = get('SLACK_ALLOWED_TEAMS');
  let allowedTeams: string[] | null = null;
  if (teamsRaw !== undefined) {
    allowedTeams = splitList(teamsRaw);
    const bad = allowedTeams.filter((t) => !/^[TE][A-Z0-9]{2,}$/.test(t));
    if (bad.length > 0) problems.push(`SLACK_ALLOWED_TEAMS must be a comma-separated list of workspace ids like T012AB3CD (bad: ${bad.map(clip).join(', ')}).`);
  }
  if (problems.length > before || apiUrl === undefined) return null;
  return { botToken, signingSecret: signingSecret ?? null, appToken: appToken ?? null, mode, port, apiUrl, adminUserIds, allowedTeams };
}

function parseFlags(argv: readonly string[], problems: string[]): { corpus?: string; console: boolean; noHealth: boolean } {
  const out: { corpus?: string; console: boolean; noHealth: boolean } = { console: false, noHealth: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--console') out.console = true;
    else if (a === '--no-health') out.noHealth = true;
    else if (a === '--corpus' || a.startsWith('--corpus=')) {
      const v = a === '--corpus' ? argv[++i] : a.slice('--corpus='.length);
      if (!v) problems.push('--corpus needs a folder, e.g. --corpus ./my-articles');
      else out.corpus = v;
    } else if (a.startsWith('-')) {
      // The name only: `--token=...` must not echo its value.
      problems.push(`Unknown option ${clip(a.split('=')[0]!)}. Options: --corpus <dir>, --console, --no-health.`);
    } else {
      // Not echoed: a stray argument may be a pasted token.
      problems.push(`Unexpected argument (${a.length} characters). Options: --corpus <dir>, --console, --no-health; settings and tokens go in the environment or .env.`);
    }
  }
  return out;
}

function parsePort(name: string, raw: string, problems: string[]): number | null {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    problems.push(`${name} must be a port number from 0 to 65535 (got "${clip(raw)}").`);
    return null;
  }
  return Number(raw);
}

function parseUrl(name: string, raw: string, problems: string[]): string | undefined {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    return u.toString();
  } catch {
    problems.push(`${name} must be an http(s) URL (got "${clip(raw)}").`);
    return undefined;
  }
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function splitList(raw: string): string[] {
  return raw
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function joinPath(dir: string, name: string): string {
  return dir.replace(/\/+$/, '') + '/' + name;
}

/** Shows a setting's value in a problem line, shortened. Never used on secrets. */
function clip(v: string): string {
  return v.length > 40 ? v.slice(0, 37) + '...' : v;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
