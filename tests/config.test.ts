import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config.js';
import { log, setLogSink } from '../src/log.js';

export const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';
export const SLACK_BOT = 'xoxb-1111111111-2222222222-abcdefABCDEF123456';
export const SLACK_APP = 'xapp-1-A0000000000-1234567890-abcdef0123456789';
export const SIGNING = '8f742231b10e8888abcd99yyyzzz85a5';

function problems(env: Record<string, string>, argv: string[] = []): readonly string[] {
  try {
    loadConfig(env, argv);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

afterEach(() => setLogSink((line) => process.stderr.write(line + '\n')));

describe('loadConfig', () => {
  it('GIVEN an empty environment THEN defaults and no platform (the console runs)', () => {
    const c = loadConfig({}, []);
    expect(c).toMatchObject({ corpusDir: 'seeds', dataDir: './data', cacheDir: './data/cache', healthPort: 8080, logLevel: 'info', timeZone: 'UTC', discord: null, slack: null, forceConsole: false });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('GIVEN Discord settings THEN a Discord config with Discord’s API by default and the allow-list split', () => {
    const c = loadConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_ALLOWED_GUILDS: '111111111111111111, 222222222222222222' }, []);
    expect(c.discord).toEqual({ token: DISCORD_TOKEN, applicationId: '123456789012345678', guildId: null, apiBase: 'https://discord.com/api', allowedGuilds: ['111111111111111111', '222222222222222222'] });
    expect(Object.isFrozen(c.discord)).toBe(true);
  });

  it('GIVEN DISCORD_API_BASE with a trailing slash THEN it is normalised', () => {
    const c = loadConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: '123456789012345678', DISCORD_API_BASE: 'http://127.0.0.1:9999/api/' }, []);
    expect(c.discord!.apiBase).toBe('http://127.0.0.1:9999/api');
  });

  it('GIVEN SLACK_APP_TOKEN THEN Socket Mode without a signing secret; without it THEN HTTP mode needs the secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP }, []).slack).toMatchObject({ mode: 'socket', signingSecret: null, apiUrl: 'https://slack.com/api/' });
    expect(loadConfig({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_SIGNING_SECRET: SIGNING, PORT: '3100', SLACK_API_URL: 'http://127.0.0.1:5/api' }, []).slack).toMatchObject({ mode: 'http', port: 3100, apiUrl: 'http://127.0.0.1:5/api/' });
    expect(problems({ SLACK_BOT_TOKEN: SLACK_BOT })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET is required when SLACK_APP_TOKEN is not set/)]);
  });

  it('GIVEN many bad settings THEN one error lists every problem, and never echoes a token', () => {
    const env = {
      DISCORD_TOKEN: 'Bot ' + DISCORD_TOKEN,
      DISCORD_GUILD_ID: 'my-server',
      SLACK_BOT_TOKEN: 'xoxp-user-token-1234567890',
      SLACK_APP_TOKEN: 'not-an-app-token',
      PORT: '99999',
      HEALTH_PORT: 'eighty',
      LOG_LEVEL: 'loud',
      TZ: 'Mars/Olympus',
      SLACK_ADMIN_USER_IDS: 'U012AB3CD,alice',
    };
    let err: unknown;
    try {
      loadConfig(env, ['--frobnicate']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const p = (err as ConfigError).problems;
    expect(p).toHaveLength(11);
    for (const name of ['--frobnicate', 'HEALTH_PORT', 'LOG_LEVEL', 'TZ', 'DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'PORT', 'SLACK_ADMIN_USER_IDS']) {
      expect(p.some((line) => line.includes(name)), name).toBe(true);
    }
    const message = (err as Error).message;
    expect(message).toMatch(/^Briefbot cannot start\. Fix these 11 settings/);
    expect(message).not.toContain(DISCORD_TOKEN);
    expect(message).not.toContain('xoxp-user-token');
  });

  it('GIVEN Discord or Slack extras without their token THEN it says which token is missing instead of silently running the console', () => {
    expect(problems({ DISCORD_APPLICATION_ID: '123456789012345678' })).toEqual([expect.stringMatching(/^DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not/)]);
    expect(problems({ SLACK_APP_TOKEN: SLACK_APP, SLACK_SIGNING_SECRET: SIGNING })).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET, SLACK_APP_TOKEN are set but SLACK_BOT_TOKEN is not/)]);
  });

  it('GIVEN blank values as copied from .env.example THEN they count as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '  ', CORPUS_DIR: '' }, []).corpusDir).toBe('seeds');
  });

  it('GIVEN flags THEN --corpus overrides CORPUS_DIR, --console forces the console, CACHE_DIR=off disables the cache', () => {
    const c = loadConfig({ CORPUS_DIR: 'a', CACHE_DIR: 'off', HEALTH_PORT: '0' }, ['--corpus', 'b', '--console']);
    expect(c).toMatchObject({ corpusDir: 'b', forceConsole: true, cacheDir: null, healthPort: 0 });
    expect(loadConfig({}, ['--corpus=c', '--no-health'])).toMatchObject({ corpusDir: 'c', healthPort: null });
  });

  it('GIVEN SCHEDULE_GRACE_MINUTES THEN it sets the catch-up window; nonsense is refused', () => {
    expect(loadConfig({}, []).scheduleGraceMinutes).toBe(15);
    expect(loadConfig({ SCHEDULE_GRACE_MINUTES: '45' }, []).scheduleGraceMinutes).toBe(45);
    expect(problems({ SCHEDULE_GRACE_MINUTES: 'soon' })).toEqual([expect.stringMatching(/SCHEDULE_GRACE_MINUTES must be a whole number/)]);
  });

  it('GIVEN the health server and Slack HTTP receiver on one port THEN it refuses', () => {
    expect(problems({ SLACK_BOT_TOKEN: SLACK_BOT, SLACK_SIGNING_SECRET: SIGNING, PORT: '8080' })).toEqual([expect.stringMatching(/HEALTH_PORT and PORT are both 8080/)]);
  });

  it('GIVEN tokens in the config THEN log lines mentioning them are redacted', () => {
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    loadConfig({ DISCORD_TOKEN, DISCORD_APPLICATION_ID: '123456789012345678', SLACK_BOT_TOKEN: SLACK_BOT, SLACK_APP_TOKEN: SLACK_APP }, []);
    log.error('oops', { header: `Bot ${DISCORD_TOKEN}`, slack: SLACK_BOT, app: SLACK_APP });
    expect(lines.join('\n')).not.toMatch(/MTIzNDU2|xoxb-|xapp-/);
    expect(lines[0]).toContain('[redacted]');
  });

  it('GIVEN .env.example THEN it documents every variable loadConfig reads', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    for (const name of CONFIG_VARIABLES) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});
