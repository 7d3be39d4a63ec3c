/**
 * Reply -> Slack Block Kit: a header, the statements in section blocks, a context
 * block with the numbered sources (linked where the article has a URL), the page
 * in a context line and Previous/Next buttons when there is more than one page.
 * Pure: no @slack/bolt.
 *
 * Limits (testing-chat-platforms.md): 50 blocks per message, section text 3,000,
 * header 150, context elements 10; mrkdwn is escaped (`&`, `<`, `>`).
 */
import type { NumberedSource, Reply } from '../core/reply.js';
import { pageCountOf, planPart, positionLabel, statementRow, type LineStyle, type Page, type PagePosition } from './layout.js';
import { escapeSlack, plainText, safeUrl, truncate } from './text.js';

export const SLACK_LIMITS = Object.freeze({
  blocks: 50,
  sectionText: 3000,
  header: 150,
  contextElements: 10,
  contextText: 3000,
  buttonValue: 2000,
  fallbackText: 4000,
});

/** Page budgets: readable pages well inside the hard limits. */
const BUDGET = Object.freeze({ body: 3600, section: 2900, line: 1400, blocks: 45, sourceTitle: 90 });

export const SLACK_ACTIONS = Object.freeze({ previous: 'bb_page_prev', next: 'bb_page_next' });

export interface SlackText {
  type: 'mrkdwn' | 'plain_text';
  text: string;
  verbatim?: boolean;
  emoji?: boolean;
}

export type SlackBlock =
  | { type: 'header'; text: SlackText & { type: 'plain_text' } }
  | { type: 'section'; text: SlackText }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id?: string; elements: SlackButton[] };

export interface SlackButton {
  type: 'button';
  action_id: string;
  text: SlackText & { type: 'plain_text' };
  value: string;
}

export interface SlackMessage {
  blocks: SlackBlock[];
  /** Notification and fallback text. */
  text: string;
  /** Page shown (0-based) and how many the answer has. */
  page: number;
  pageCount: number;
  /** Part of the page shown, when a page's statements need several messages. */
  part: number;
  partCount: number;
}

/** Statements per page: a page is built from its own statements only. */
export const SLACK_PAGE_STATEMENTS = 10;
/** Articles listed per statement; the rest are counted. */
export const SLACK_LISTED_SOURCES = 12;

const style: LineStyle = {
  note: (t) => `_${escapeSlack(t)}_`,
  heading: (t, continued) => `*${escapeSlack(t)}${continued ? ' (continued)' : ''}*`,
  statement: (st) => statementRow(st, escapeSlack, (t) => `*${t}*`),
  refs: (ns) => ' ' + ns.map((n) => `[${n}]`).join(''),
  maxLine: BUDGET.line,
  pageStatements: SLACK_PAGE_STATEMENTS,
  listedSources: SLACK_LISTED_SOURCES,
};

/** "[1] <https://…|Express &amp; Star: North Korea confirms…> · 2025-04-28" */
export function slackSourceLine(s: NumberedSource): string {
  const who = s.publisher ?? s.title ?? s.article;
  const label = s.publisher && s.title ? `${s.publisher}: ${truncate(s.title, BUDGET.sourceTitle)}` : truncate(who, BUDGET.sourceTitle);
  const url = safeUrl(s.url);
  const linked = url ? `<${url.replace(/\|/g, '%7C').replace(/>/g, '%3E')}|${escapeSlack(label)}>` : escapeSlack(label);
  const tail = [s.date, url || label === s.article ? null : `\`${s.article.replace(/`/g, '')}\``].filter(Boolean).join(' · ');
  return `*[${s.n}]* ${linked}${tail ? ' · ' + tail : ''}`;
}

/** Joins lines into texts of at most `limit` characters each. */
function pack(lines: string[], limit: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > limit ? truncate(raw, limit) : raw;
    if (current && current.length + 1 + line.length > limit) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(current);
  return out;
}

function bodyBlocks(page: Page): SlackBlock[] {
  const texts: string[] = [];
  // A heading starts a new section block so sections stay visually separate.
  let group: string[] = [];
  for (const line of page.lines) {
    if (line.kind === 'heading' && group.length > 0) {
      texts.push(...pack(group, BUDGET.section));
      group = [];
    }
    group.push(line.text);
  }
  if (group.length > 0) texts.push(...pack(group, BUDGET.section));
  return texts.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }));
}

function sourceBlocks(page: Page, sources: Map<number, NumberedSource>): SlackBlock[] {
  const lines = page.refs.map((n) => sources.get(n)).filter((s): s is NumberedSource => !!s).map(slackSourceLine);
  if (lines.length === 0) return [];
  const texts = pack(['*Sources*', ...lines], BUDGET.section);
  return texts.map((text) => ({ type: 'context', elements: [{ type: 'mrkdwn', text, verbatim: true }] }));
}

function fits(candidate: Page, sources: Map<number, NumberedSource>): boolean {
  const body = candidate.lines.reduce((n, l) => n + l.text.length + 1, 0);
  // header + body + divider + sources + page line + actions
  const blocks = 1 + bodyBlocks(candidate).length + 1 + sourceBlocks(candidate, sources).length + 2;
  return body <= BUDGET.body && blocks <= BUDGET.blocks;
}

/** How many pages an answer takes on Slack (a page may be shown in several parts). */
export function slackPageCount(reply: Reply): number {
  return reply.kind === 'answer' ? pageCountOf(reply, style) : 1;
}

/** `<replyId>:<page>` or `<replyId>:<page>.<part>`: a page button's value. */
function pageValue(replyId: string, p: PagePosition): string {
  return `${replyId}:${p.page}${p.part > 0 ? `.${p.part}` : ''}`;
}

/**
 * Renders one page (or one part of a page) of a reply as Block Kit: builds that
 * page's statements only. When the answer has several pages or parts, pass the
 * `replyId` the adapter stored it under: the buttons carry `<replyId>:<page>`
 * (`<replyId>:<page>.<part>` past a page's first part).
 *
 * @example renderSlackBlocks(reply, 1, { replyId: 'k3J9x0aQ2b' }).blocks.at(-1) // actions block
 */
export function renderSlackBlocks(reply: Reply, page = 0, opts: { replyId?: string; invokedAs?: string; part?: number } = {}): SlackMessage {
  if (reply.kind === 'error') {
    const id = reply.errorId && !reply.message.includes(reply.errorId) ? ` (error id ${reply.errorId})` : '';
    const text = truncate(`:warning: ${escapeSlack(reply.message)}${id}`, SLACK_LIMITS.sectionText);
    return { blocks: [{ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }], text, page: 0, pageCount: 1, part: 0, partCount: 1 };
  }
  const title = truncate(plainText(reply.title), SLACK_LIMITS.header);
  const at = planPart(reply, style, fits, { page, part: opts.part ?? 0 });
  const current = at.lines;
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title, emoji: false } }];
  const body = bodyBlocks(current);
  if (body.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '_Nothing in the corpus matches._', verbatim: true } });
  blocks.push(...body);
  const sources = sourceBlocks(current, at.sources);
  if (sources.length > 0) blocks.push({ type: 'divider' }, ...sources);
  const where = opts.invokedAs ?? `/${reply.command}`;
  const paged = at.pageCount > 1 || at.partCount > 1;
  if (paged) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${escapeSlack(where)} · ${positionLabel(at)}`, verbatim: true }] });
    if (opts.replyId) {
      const elements: SlackButton[] = [];
      if (at.previous) elements.push(button(SLACK_ACTIONS.previous, '◀ Previous', pageValue(opts.replyId, at.previous)));
      if (at.next) elements.push(button(SLACK_ACTIONS.next, 'Next ▶', pageValue(opts.replyId, at.next)));
      blocks.push({ type: 'actions', block_id: 'bb_pages', elements });
    }
  }
  const first = current.lines.find((l) => l.kind === 'statement')?.text ?? '';
  const position = paged ? ` (${positionLabel(at)})` : '';
  const text = truncate(`${escapeSlack(title)}${position}${first ? ': ' + first : ''}`, 300);
  return { blocks: blocks.slice(0, SLACK_LIMITS.blocks), text, page: at.page, pageCount: at.pageCount, part: at.part, partCount: at.partCount };
}

function button(action_id: string, label: string, value: string): SlackButton {
  return { type: 'button', action_id, text: { type: 'plain_text', text: label, emoji: true }, value };
}

/** `<replyId>:<page>[.<part>]` from a page button's value. */
export function parseSlackPageValue(value: string): { replyId: string; page: number; part: number } | null {
  const m = /^([A-Za-z0-9_-]{1,32}):(\d{1,7})(?:\.(\d{1,4}))?$/.exec(value);
  return m ? { replyId: m[1]!, page: Number(m[2]), part: Number(m[3] ?? 0) } : null;
}
