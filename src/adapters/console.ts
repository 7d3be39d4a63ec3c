/**
 * The local console: type `/casualties`, `/timeline`, `/search zelensky` and read
 * the replies. Also reads commands from piped stdin and exits at EOF. Used by
 * `npm start` when no chat platform is configured, and by the CLI's renderer.
 */
import readline from 'node:readline';
import type { CommandArgs, CommandContext, CommandDefinition } from '../core/command.js';
import { describeSource, numberSources, sectionStatements, type Reply } from '../core/reply.js';
import { dispatch, findCommand } from '../dispatch.js';
import type { BriefingIndex } from '../index/briefingIndex.js';

/**
 * Plain text for terminals and logs. Statements are numbered; each cites the
 * numbered source list at the end; `verbose` adds each statement's verbatim
 * source sentence when the statement is not itself that sentence.
 */
export function renderPlain(reply: Reply, opts: { verbose?: boolean } = {}): string {
  if (reply.kind === 'error') return `Error: ${reply.message}`;
  const { list, refs } = numberSources(reply);
  const lines: string[] = [reply.title, '='.repeat(Math.min(reply.title.length, 60))];
  for (const n of reply.notes) lines.push(n);
  let k = 0;
  for (const section of reply.sections) {
    const statements = sectionStatements(section);
    if (statements.length === 0) continue;
    lines.push('');
    if (section.heading) lines.push(`${section.heading}`);
    for (const st of statements) {
      k++;
      lines.push(`${String(k).padStart(3)}. ${st.text} ${refs(st).map((r) => `[${r}]`).join('')}`);
      if (opts.verbose) {
        for (const src of st.sources) {
          if (st.text.includes(src.quote)) continue;
          lines.push(`       “${src.quote}” (${src.article})`);
        }
      }
    }
  }
  if (list.length > 0) {
    lines.push('', 'Sources');
    for (const s of list) lines.push(`  [${s.n}] ${describeSource(s)}${s.title && s.publisher ? ` — ${s.title}` : ''}${s.url ? ` <${s.url}>` : ''}`);
  }
  return lines.join('\n');
}

/**
 * Parses a console or CLI command line into a command name and arguments.
 * `/search zelensky casualties` -> search {query: "zelensky casualties"};
 * `/figures kind:deployed kursk` -> figures {kind: "deployed", topic: "kursk"}.
 * Free text goes to the first string option; `name:value` or `--name value` set others.
 */
export function parseCommandLine(commands: readonly CommandDefinition[], line: string): { name: string; args: CommandArgs } | { error: string } {
  const trimmed = line.trim().replace(/^\//, '');
  const [head = '', ...rest] = trimmed.split(/\s+/);
  const name = head.toLowerCase();
  const def = findCommand(commands, name);
  if (!def) return { name, args: {} };
  const args: CommandArgs = {};
  const free: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const tok = rest[i]!;
    const colon = /^([a-z][\w-]*):(.*)$/i.exec(tok);
    const flag = /^--([a-z][\w-]*)$/i.exec(tok);
    if (colon && def.options.some((o) => o.name === colon[1]!.toLowerCase())) {
      args[colon[1]!.toLowerCase()] = colon[2];
    } else if (flag && def.options.some((o) => o.name === flag[1]!.toLowerCase())) {
      const opt = def.options.find((o) => o.name === flag[1]!.toLowerCase())!;
      if (opt.type === 'boolean') args[opt.name] = true;
      else args[opt.name] = rest[++i];
    } else {
      free.push(tok);
    }
  }
  if (free.length > 0) {
    const target = def.options.find((o) => o.type === 'string' && !o.choices && args[o.name] === undefined);
    if (!target) return { error: `/${def.name} takes no free text; options: ${def.options.map((o) => o.name).join(', ') || 'none'}` };
    args[target.name] = free.join(' ');
  }
  return { name: def.name, args };
}

export interface ConsoleOptions {
  index: BriefingIndex;
  commands: readonly CommandDefinition[];
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  now?: () => Date;
  /** Ends the console (SIGINT/SIGTERM in `npm start`), like EOF. */
  signal?: AbortSignal;
}

/** Runs the interactive console until EOF, `/quit`, Ctrl-C or `signal`. */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const now = opts.now ?? (() => new Date());
  const interactive = Boolean((opts.input as { isTTY?: boolean }).isTTY);
  const rl = readline.createInterface({ input: opts.input, output: interactive ? opts.output : undefined, terminal: interactive });
  const write = (s: string) => opts.output.write(s + '\n');
  if (opts.signal?.aborted) {
    rl.close();
    return;
  }
  // Ctrl-C on a terminal reaches readline, not the process: end the console like EOF.
  rl.on('SIGINT', () => rl.close());
  opts.signal?.addEventListener('abort', () => rl.close(), { once: true });
  // A reader that went away (`| head`: EPIPE) ends the console like EOF, instead of an error per reply.
  let outputGone = false;
  const onOutputError = () => {
    outputGone = true;
    rl.close();
  };
  opts.output.on('error', onOutputError);
  const articles = opts.index.articles().length;
  if (interactive) {
    write(`Briefbot console: ${articles} articles from ${opts.index.corpusDir}. Type /help, /brief, /casualties, /timeline, /search <words>; /quit to leave.`);
    rl.setPrompt('briefbot> ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') {
      if (interactive) rl.prompt();
      continue;
    }
    if (/^\/?(quit|exit)$/i.test(line)) break;
    const parsed = parseCommandLine(opts.commands, line);
    let out: string;
    if ('error' in parsed) {
      out = `Error: ${parsed.error}`;
    } else {
      const ctx: CommandContext = { index: opts.index, now: now(), commands: opts.commands, user: { id: 'console', isAdmin: true } };
      out = renderPlain(await dispatch(ctx, parsed.name, parsed.args), { verbose: true });
    }
    if (outputGone) break;
    write(out + '\n');
    if (interactive) rl.prompt();
  }
  rl.close();
}
