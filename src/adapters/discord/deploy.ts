/**
 * Registers the slash commands with Discord: to `DISCORD_GUILD_ID` when set (updates
 * show instantly; use while developing), globally otherwise (may take up to an hour
 * to reach every client). A PUT replaces the whole set, so removed commands vanish.
 *
 * @example await deployDiscordCommands(config.discord, commands); // { scope: 'guild', names: [...] }
 */
import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { CommandDefinition } from '../../core/command.js';
import { toDiscordCommands } from './commands.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  guildId: string | null;
  names: string[];
}

export async function deployDiscordCommands(config: DiscordConfig, commands: readonly CommandDefinition[], opts: { global?: boolean } = {}): Promise<DeployResult> {
  const guildId = opts.global ? null : config.guildId;
  const body = toDiscordCommands(commands, { guildScoped: guildId !== null });
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const route = guildId ? Routes.applicationGuildCommands(config.applicationId, guildId) : Routes.applicationCommands(config.applicationId);
  const result = (await rest.put(route, { body })) as { name: string }[];
  return { scope: guildId ? 'guild' : 'global', guildId, names: result.map((c) => c.name) };
}
