/**
 * The Slack app manifest, generated from the command declarations so a new user
 * creates the app in one paste (api.slack.com/apps > Create New App > From a manifest).
 *
 * One umbrella command `/brief` with subcommands avoids collisions with other apps'
 * slash commands; `perCommand` adds `/casualties`, `/timeline`, ... as well.
 */
import type { CommandDefinition } from '../../core/command.js';
import { UMBRELLA } from './parse.js';

export interface ManifestOptions {
  name?: string;
  /** Socket Mode (no public URL); otherwise `requestUrl` receives commands and clicks. */
  socketMode?: boolean;
  /** e.g. https://briefbot.example.org/slack/events (HTTP mode). */
  requestUrl?: string;
  /** Also declare one slash command per command. */
  perCommand?: boolean;
}

/**
 * Bot scopes: slash commands, posting answers and scheduled briefings, and
 * `users:read` to learn whether a member is a workspace admin (`admins.ts`).
 */
export const SLACK_BOT_SCOPES = Object.freeze(['commands', 'chat:write', 'chat:write.public', 'users:read']);

/** Usage hint of a command as Slack shows it: `[topic] [limit:N] [public]`. */
export function usageHint(def: CommandDefinition): string {
  const parts: string[] = [];
  const freeText = def.options.find((o) => o.type === 'string' && o.required) ?? def.options.find((o) => o.type === 'string');
  for (const o of def.options) {
    if (o === freeText) parts.push(o.required ? `<${o.name}>` : `[${o.name}]`);
    else parts.push(`[${o.name}:${o.type === 'integer' ? 'N' : o.type === 'boolean' ? 'true' : o.choices ? o.choices.map((c) => c.value).join('|') : '…'}]`);
  }
  parts.push('[public]');
  return parts.join(' ');
}

export function buildSlackManifest(commands: readonly CommandDefinition[], opts: ManifestOptions = {}): Record<string, unknown> {
  const socketMode = opts.socketMode ?? true;
  const url = socketMode ? undefined : opts.requestUrl ?? 'https://briefbot.example.org/slack/events';
  const names = commands.map((c) => c.name).filter((n) => n !== UMBRELLA);
  const umbrella = {
    command: `/${UMBRELLA}`,
    description: clip(`Sourced news briefings. Subcommands: ${names.join(', ')}`, 2000),
    usage_hint: clip(`[${names.join('|')}] [text] [public]`, 1000),
    should_escape: false,
    ...(url ? { url } : {}),
  };
  const perCommand = (opts.perCommand ? commands.filter((c) => c.name !== UMBRELLA) : []).map((c) => ({
    command: `/${c.name}`,
    description: clip(c.description, 2000),
    usage_hint: clip(usageHint(c), 1000),
    should_escape: false,
    ...(url ? { url } : {}),
  }));
  const name = opts.name ?? 'Briefbot';
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'Sourced news briefings: figures, timelines, quotes, every statement with its sources.',
      background_color: '#2b6cb0',
    },
    features: {
      bot_user: { display_name: name.toLowerCase(), always_online: true },
      slash_commands: [umbrella, ...perCommand],
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
