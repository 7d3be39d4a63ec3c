/**
 * The `briefbot` command line: `briefbot <command> [text] [--option value]
 * [--corpus DIR] [--json]`. Prints the reply as readable text, or as JSON (the
 * command's data contract) with `--json`. Errors are one line on stderr and a
 * non-zero exit; never a stack trace.
 */
import { commands } from '../commands/index.js';
import type { CommandArgs, CommandContext } from './core/command.js';
import { ConfigError, environmentWithDotenv, loadConfig } from './config.js';
import { dispatch, findCommand } from './dispatch.js';
import { CorpusError, loadBriefingIndex } from './index/load.js';
import { parseCommandLine, renderPlain } from './adapters/console.js';
import { setLogLevel } from './log.js';
import { LOADING_LABEL, withProgressBar, type ProgressStream } from './progress.js';

export function usage(): string {
  const lines = [
    'Usage: briefbot <command> [text] [--option value ...] [--corpus DIR] [--json] [--verbose]',
    '',
    'Commands:',
    ...commands.map((c) => {
      const opts = c.options.map((o) => (o.required ? `<${o.name}>` : `[--${o.name} ${o.type === 'boolean' ? '' : o.type === 'integer' ? 'N' : 'TEXT'}]`.replace(' ]', ']'))).join(' ');
      return `  ${c.name.padEnd(11)} ${c.description}${opts ? `\n  ${' '.repeat(11)} ${opts}` : ''}`;
    }),
    '',
    'Options:',
    '  --corpus DIR   folder of articles (default: CORPUS_DIR or seeds/)',
    '  --json         print the answer as JSON',
    '  --verbose      show the verbatim source sentence under each statement',
    '',
    'Examples:',
    '  briefbot casualties --json',
    '  briefbot search zelenskiy',
    '  briefbot figures --kind deployed --corpus ./my-story',
  ];
  return lines.join('\n');
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `argv` (without node and script); pure apart from reading the corpus. */
/** The settings the CLI uses; chat-platform settings are not its business (a bad Slack token must not stop it). */
const CLI_VARIABLES = ['CORPUS_DIR', 'CACHE_DIR', 'DATA_DIR', 'LOG_LEVEL', 'TZ'];

/**
 * `progress`: where loading the corpus draws its progress bar (`main` passes stderr;
 * drawn only on a terminal, never with `--json`).
 */
export async function runCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = environmentWithDotenv(), progress: ProgressStream | null = null): Promise<CliResult> {
  const rest: string[] = [];
  let json = false;
  let verbose = false;
  let corpus: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--help' || a === '-h') return { code: 0, stdout: usage() + '\n', stderr: '' };
    else if (a === '--corpus') {
      corpus = argv[++i];
      if (!corpus) return { code: 2, stdout: '', stderr: 'briefbot: --corpus needs a folder\n' };
    } else if (a.startsWith('--corpus=')) corpus = a.slice('--corpus='.length);
    else rest.push(a);
  }
  if (rest.length === 0) return { code: 2, stdout: '', stderr: `briefbot: which command? ${commands.map((c) => c.name).join(', ')} (briefbot --help)\n` };
  const name = rest[0]!.replace(/^\//, '').toLowerCase();
  if (!findCommand(commands, name)) {
    return { code: 2, stdout: '', stderr: `briefbot: unknown command "${rest[0]!.slice(0, 40)}"; try one of ${commands.map((c) => c.name).join(', ')}\n` };
  }
  const parsed = parseCommandLine(commands, rest.map((t) => (/\s/.test(t) ? t : t)).join(' '));
  if ('error' in parsed) return { code: 2, stdout: '', stderr: `briefbot: ${parsed.error}\n` };

  let config;
  try {
    const cliEnv = Object.fromEntries(CLI_VARIABLES.map((k) => [k, env[k]]));
    config = loadConfig(cliEnv, corpus ? ['--corpus', corpus, '--console', '--no-health'] : ['--console', '--no-health']);
  } catch (err) {
    if (err instanceof ConfigError) return { code: 2, stdout: '', stderr: `briefbot: ${err.message}\n` };
    throw err;
  }
  setLogLevel(config.logLevel === 'debug' ? 'debug' : 'error');
  let index;
  try {
    const load = { corpusDir: config.corpusDir, cacheDir: config.cacheDir };
    index = progress && !json ? await withProgressBar(progress, LOADING_LABEL, (bar) => loadBriefingIndex({ ...load, onProgress: bar.update, onPhase: bar.status })) : await loadBriefingIndex(load);
  } catch (err) {
    if (err instanceof CorpusError) return { code: 2, stdout: '', stderr: `briefbot: ${err.message}\n` };
    throw err;
  }
  const ctx: CommandContext = { index, now: new Date(), commands, user: { id: 'cli', isAdmin: true } };
  const reply = await dispatch(ctx, parsed.name, parsed.args as CommandArgs);
  const warnings = index.warnings().map((w) => `briefbot: warning: ${w.file}: ${w.message}\n`).join('');
  if (reply.kind === 'error') {
    return { code: reply.code === 'internal' ? 1 : 2, stdout: json ? JSON.stringify({ error: reply.message, code: reply.code }) + '\n' : '', stderr: warnings + `briefbot: ${reply.message}\n` };
  }
  return { code: 0, stdout: json ? JSON.stringify(reply.data, null, 2) + '\n' : renderPlain(reply, { verbose }) + '\n', stderr: warnings };
}

/** Entry point for bin/briefbot.js. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  try {
    const r = await runCli(argv, undefined, process.stderr);
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exitCode = r.code;
  } catch (err) {
    process.stderr.write(`briefbot: unexpected error: ${(err as Error).message.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}
