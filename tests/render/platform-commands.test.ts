/**
 * The command declarations rendered for each platform: Discord's slash-command JSON,
 * Slack's manifest and the Slack text grammar. Generated from `commands/`, never
 * declared twice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { commands } from '../../commands/index.js';
import { CommandDeclarationError, splitPublic, toDiscordCommand, toDiscordCommands, type DiscordOptionJSON, type DiscordSubcommandJSON } from '../../src/adapters/discord/commands.js';
import { buildSlackManifest, usageHint } from '../../src/adapters/slack/manifest.js';
import { parseSlashText, tokenize } from '../../src/adapters/slack/parse.js';
import { defineCommand } from '../../src/core/command.js';
import { answer } from '../../src/core/reply.js';
import { manifestYaml } from '../../scripts/slack-manifest.js';
import { scheduleCommand } from '../../commands/schedule.js';

const noop = () => answer('x', 'x', { data: null });

describe('toDiscordCommand', () => {
  it('GIVEN every declared command THEN valid Discord JSON with typed options, autocomplete and a public option', () => {
    const json = toDiscordCommands(commands);
    expect(json.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const [i, c] of json.entries()) {
      const def = commands[i]!;
      // a command with actions has subcommands instead (tested below)
      if (def.actions) continue;
      const options = c.options as DiscordOptionJSON[];
      expect(c.description).toBe(def.description);
      expect(options.at(-1)).toEqual({ type: 5, name: 'public', description: 'Post the answer for the whole channel (default: only you see it)' });
      for (const o of def.options) {
        const built = options.find((x) => x.name === o.name)!;
        expect(built.type).toBe({ string: 3, integer: 4, boolean: 5 }[o.type]);
        expect(built.autocomplete ?? false).toBe(!!o.autocomplete);
        expect(built.required ?? false).toBe(!!o.required);
      }
      const firstOptional = options.findIndex((o) => !o.required);
      expect(options.slice(firstOptional).every((o) => !o.required)).toBe(true);
    }
  });

  it('GIVEN search THEN query is a required autocompleted string and limit an integer with bounds', () => {
    const search = toDiscordCommand(commands.find((c) => c.name === 'search')!);
    expect(search.options[0]).toMatchObject({ type: 3, name: 'query', required: true, autocomplete: true });
    expect(search.options.find((o) => o.name === 'limit')).toMatchObject({ type: 4, min_value: 1 });
    expect(search.contexts).toEqual([0]);
    expect(toDiscordCommand(commands[0]!, { guildScoped: true }).contexts).toBeUndefined();
  });

  it('GIVEN an admin command THEN it is hidden from members without Manage Channels', () => {
    const def = defineCommand({ name: 'reload', description: 'Reload the corpus', admin: true, options: [], run: noop });
    expect(toDiscordCommand(def).default_member_permissions).toBe('16');
  });

  it('GIVEN a command declaring actions THEN the action option becomes subcommands, each with its own options, and back again', () => {
    const actions = { option: 'action', takes: { add: ['when'], remove: ['id'] } };
    const def = defineCommand({
      name: 'schedule',
      description: 'Post a command’s answer to this channel on a schedule',
      options: [
        { name: 'action', description: 'add or remove', type: 'string', required: true, choices: [{ name: 'add', value: 'add' }, { name: 'remove', value: 'remove' }] },
        { name: 'when', description: 'daily 08:00', type: 'string' },
        { name: 'id', description: 'Schedule id', type: 'string' },
      ],
      actions,
      run: noop,
    });
    const json = toDiscordCommand(def);
    const subs = json.options as DiscordSubcommandJSON[];
    expect(subs.map((s) => [s.type, s.name, s.description, s.options.map((o) => o.name)])).toEqual([
      [1, 'add', 'Add: Post a command’s answer to this channel on a schedule', ['when', 'public']],
      [1, 'remove', 'Remove: Post a command’s answer to this channel on a schedule', ['id', 'public']],
    ]);
    expect(splitPublic([{ name: 'add', type: 1, options: [{ name: 'when', type: 3, value: 'daily 08:00' }, { name: 'public', type: 5, value: true }] }], actions)).toEqual({
      args: { action: 'add', when: 'daily 08:00' },
      isPublic: true,
    });
    expect(() => toDiscordCommand({ ...def, actions: { option: 'action', takes: { add: ['nope'] } } })).toThrow(/option "nope" is not declared/);
  });

  it('GIVEN /schedule and its declared actions THEN Discord JSON with one subcommand per action', () => {
    const json = toDiscordCommand(scheduleCommand);
    const subs = json.options as DiscordSubcommandJSON[];
    expect(subs.map((s) => s.name)).toEqual(['add', 'list', 'remove', 'pause', 'resume']);
    for (const s of subs) {
      expect(s.description.length).toBeLessThanOrEqual(100);
      expect(s.options.at(-1)!.name).toBe('public');
    }
  });

  it('GIVEN declarations Discord would reject THEN every problem is named before any request', () => {
    const bad = [
      defineCommand({ name: 'Bad Name', description: '', options: [], run: noop }),
      defineCommand({ name: 'ok', description: 'fine', options: [{ name: 'n', description: 'd', type: 'integer', autocomplete: 'topic' }], run: noop }),
    ];
    expect(() => toDiscordCommands(bad)).toThrow(CommandDeclarationError);
    expect(() => toDiscordCommands(bad)).toThrow(/\/Bad Name: name "Bad Name".*description must be 1-100[\s\S]*\/ok: option n: autocomplete/);
  });
});

describe('Slack manifest', () => {
  it('GIVEN the commands THEN /brief lists every subcommand; per-command entries are optional', () => {
    const m = buildSlackManifest(commands) as any;
    const slash = m.features.slash_commands;
    expect(slash).toHaveLength(1);
    expect(slash[0].command).toBe('/brief');
    for (const c of commands.filter((x) => x.name !== 'brief')) expect(slash[0].description).toContain(c.name);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.oauth_config.scopes.bot).toEqual(['commands', 'chat:write', 'chat:write.public', 'users:read']);

    const per = buildSlackManifest(commands, { perCommand: true, socketMode: false, requestUrl: 'https://bot.example.org/slack/events' }) as any;
    expect(per.features.slash_commands.map((s: any) => s.command)).toEqual(['/brief', ...commands.filter((c) => c.name !== 'brief').map((c) => '/' + c.name)]);
    for (const s of per.features.slash_commands) expect(s.url).toBe('https://bot.example.org/slack/events');
    expect(per.settings).toMatchObject({ socket_mode_enabled: false, interactivity: { is_enabled: true, request_url: 'https://bot.example.org/slack/events' } });
  });

  it('GIVEN search THEN the usage hint shows the free text and named options', () => {
    expect(usageHint(commands.find((c) => c.name === 'search')!)).toBe('<query> [limit:N] [public]');
  });

  it('GIVEN the committed slack-manifest.yml THEN it is what the generator makes today', () => {
    const committed = readFileSync(new URL('../../slack-manifest.yml', import.meta.url), 'utf8');
    expect(committed).toBe(manifestYaml([]));
    expect(parseYaml(committed).features.slash_commands[0].command).toBe('/brief');
  });
});

describe('parseSlashText', () => {
  it('GIVEN /brief <subcommand> text THEN the text goes to the first required string option', () => {
    expect(parseSlashText('/brief', 'search zelensky visit', commands)).toEqual({ ok: true, command: 'search', args: { query: 'zelensky visit' }, isPublic: false, invokedAs: '/brief search' });
  });

  it('GIVEN "public" last, named options and quotes THEN each lands where it belongs', () => {
    expect(parseSlashText('/brief', 'casualties public', commands)).toMatchObject({ command: 'casualties', args: {}, isPublic: true });
    expect(parseSlashText('/brief', 'quotes speaker:"Kim Jong Un"', commands)).toMatchObject({ command: 'quotes', args: { speaker: 'Kim Jong Un' } });
    expect(parseSlashText('/brief', 'search “north korea” limit:5 --public', commands)).toMatchObject({ command: 'search', args: { query: 'north korea', limit: '5' }, isPublic: true });
    expect(parseSlashText('/brief', 'search public transport', commands)).toMatchObject({ args: { query: 'public transport' }, isPublic: false });
  });

  it('GIVEN /brief with no known subcommand THEN the brief command gets the text as its topic', () => {
    expect(parseSlashText('/brief', '', commands)).toMatchObject({ ok: true, command: 'brief', args: {} });
    expect(parseSlashText('/brief', 'north korea', commands)).toMatchObject({ ok: true, command: 'brief', args: { topic: 'north korea' }, invokedAs: '/brief' });
  });

  it('GIVEN a per-command slash command THEN all the text is arguments', () => {
    expect(parseSlashText('/timeline', 'kursk public', commands)).toMatchObject({ ok: true, command: 'timeline', args: { topic: 'kursk' }, isPublic: true, invokedAs: '/timeline' });
  });

  it('GIVEN free text for a command without a string option THEN a clear message', () => {
    expect(parseSlashText('/brief', 'sources everything', commands)).toEqual({ ok: false, command: 'sources', message: '/sources takes no text (got "everything").' });
  });

  it('GIVEN a command with its own text grammar THEN the parser gets the text after the subcommand, without "public"', () => {
    const seen: string[] = [];
    const own = commands.map((c) => (c.name === 'search' ? { ...c, parseText: (t: string) => (seen.push(t), { ok: true as const, args: { query: t.toUpperCase() } }) } : c));
    expect(parseSlashText('/brief', 'search kim "jong un" public', own)).toMatchObject({ ok: true, command: 'search', args: { query: 'KIM "JONG UN"' }, isPublic: true });
    expect(seen).toEqual(['kim "jong un"']);
  });

  it('GIVEN /brief schedule add … THEN the schedule grammar reads it', () => {
    const all = [...commands, scheduleCommand];
    expect(parseSlashText('/brief', 'schedule add daily 08:00 brief north korean troops tz:Europe/London', all)).toEqual({
      ok: true,
      command: 'schedule',
      args: { action: 'add', when: 'daily 08:00', command: 'brief', topic: 'north korean troops', timezone: 'Europe/London' },
      isPublic: false,
      invokedAs: '/brief schedule',
    });
  });

  it('GIVEN mixed quotes THEN tokens keep phrases together', () => {
    expect(tokenize('a "b c" “d e” f:"g h"').map((t) => t.value)).toEqual(['a', 'b c', 'd e', 'f:g h']);
  });
});
