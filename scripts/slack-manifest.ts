/**
 * `npm run slack-manifest [-- --http URL] [--per-command] [--name NAME] [--stdout]`:
 * writes `slack-manifest.yml` from the command declarations. Paste it at
 * api.slack.com/apps > Create New App > From a manifest.
 *
 * Default: Socket Mode (no public URL needed). `--http https://host/slack/events`
 * makes an HTTP-mode manifest instead; `--per-command` adds `/casualties`,
 * `/timeline`, ... next to `/brief <subcommand>`.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { commands } from '../commands/index.js';
import { buildSlackManifest } from '../src/adapters/slack/manifest.js';

export function manifestYaml(argv: readonly string[]): string {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const requestUrl = value('--http');
  const manifest = buildSlackManifest(commands, {
    name: value('--name'),
    socketMode: requestUrl === undefined,
    requestUrl,
    perCommand: argv.includes('--per-command'),
  });
  const header = [
    '# Slack app manifest for Briefbot, generated from commands/ by `npm run slack-manifest`.',
    '# Create the app: https://api.slack.com/apps > Create New App > From a manifest > paste this.',
    requestUrl === undefined
      ? '# Socket Mode: then create an app-level token (connections:write) and set SLACK_APP_TOKEN.'
      : `# HTTP mode: Slack sends commands and clicks to ${requestUrl}.`,
    '',
  ].join('\n');
  return header + stringify(manifest, { lineWidth: 0 });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const yaml = manifestYaml(argv);
  if (argv.includes('--stdout')) process.stdout.write(yaml);
  else {
    const out = new URL('../../slack-manifest.yml', import.meta.url);
    writeFileSync(out, yaml);
    process.stdout.write(`Wrote ${out.pathname}\n`);
  }
}
