/**
 * `npm run deploy-commands [-- --global]`: registers every command of `commands/`
 * with Discord, to DISCORD_GUILD_ID when set (instant), globally otherwise.
 * Reads the same configuration as the bot (environment and .env).
 */
import { commands } from '../commands/index.js';
import { deployDiscordCommands } from '../src/adapters/discord/deploy.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { scrub } from '../src/log.js';

async function main(): Promise<number> {
  const global = process.argv.includes('--global');
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      return 2;
    }
    throw e;
  }
  if (!config.discord) {
    process.stderr.write('deploy-commands needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).\n');
    return 2;
  }
  const result = await deployDiscordCommands(config.discord, commands, { global });
  const where = result.scope === 'guild' ? `server ${result.guildId} (available now)` : 'every server (global; may take up to an hour to appear)';
  process.stdout.write(`Registered ${result.names.length} commands to ${where}: ${result.names.map((n) => '/' + n).join(' ')}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const e = err as { status?: number; message?: string };
    process.stderr.write(`deploy-commands failed${e.status ? ` (HTTP ${e.status})` : ''}: ${scrub(e.message ?? String(err))}\n`);
    process.exit(1);
  },
);
