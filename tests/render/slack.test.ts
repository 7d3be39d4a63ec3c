import { describe, expect, it } from 'vitest';
import { parseSlackPageValue, renderSlackBlocks, SLACK_ACTIONS, SLACK_LIMITS, type SlackBlock, type SlackMessage } from '../../src/render/slack.js';
import { CONTINUED } from '../../src/render/text.js';
import { ARTICLES, casualtiesReply, giantStatementReply, hostileReply, internalError, lazyReply, longReply } from './fixtures.js';
import { sectionStatements } from '../../src/core/reply.js';

function expectWithinLimits(m: SlackMessage): void {
  expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const b of m.blocks) {
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.header);
    if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    if (b.type === 'context') {
      expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
      for (const el of b.elements) expect(el.text.length).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
    }
    if (b.type === 'actions') for (const el of b.elements) expect(el.value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
  }
  expect(m.text.length).toBeGreaterThan(0);
}

const sectionTexts = (blocks: SlackBlock[]) => blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
const contextTexts = (blocks: SlackBlock[]) => blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => e.text) : []));

describe('renderSlackBlocks', () => {
  it('GIVEN the casualties answer THEN a header, one line per claim, and a context block with the sources', () => {
    const m = renderSlackBlocks(casualtiesReply(), 0, { invokedAs: '/brief casualties' });
    expectWithinLimits(m);
    expect(m.pageCount).toBe(1);
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'North Korean casualties in Kursk: 4 differing figures', emoji: false } });
    const body = sectionTexts(m.blocks).join('\n').split('\n');
    expect(body[0]).toBe('_Figures disagree: 1,200 (US) to 4,000 (Ukraine, South Korea). Wire copies count once._');
    expect(body).toContain('*Killed or wounded — sources disagree*');
    expect(body).toContain('• *around 4,000* killed or wounded — per South Korea’s Joint Chiefs, reported 2025-04-28 · Printed in: Express &amp; Star (also run by AP) [1][2]');
    expect(body).toContain('• *approximately 300* killed (North Korean soldiers) — per South Korea’s National Intelligence Service, date unknown · Printed in: Kyiv Independent [3]');
    expect(m.blocks.some((b) => b.type === 'actions')).toBe(false);
    const sources = contextTexts(m.blocks)[0]!.split('\n');
    expect(sources).toEqual([
      '*Sources*',
      `*[1]* <${ARTICLES.expressStar.url}|Express &amp; Star: North Korea confirms it sent troops to help Russia in Ukraine> · 2025-04-28`,
      `*[2]* <${ARTICLES.ap.url}|AP: North Korea confirms for the first time it sent troops to Russia> · 2025-04-28`,
      '*[3]* North Korea officially confirms deployment of troops to Russia · `002_df10cff95ed2165f`',
    ]);
    expect(m.text).toMatch(/^North Korean casualties in Kursk: 4 differing figures: /);
  });

  it('GIVEN 200 passages from 60 articles THEN pages stay within Block Kit limits with Previous/Next only where they lead somewhere', () => {
    const reply = longReply(200, 60);
    const first = renderSlackBlocks(reply, 0, { replyId: 'r1' });
    expect(first.pageCount).toBeGreaterThan(3);
    const seen: string[] = [];
    for (let p = 0; p < first.pageCount; p++) {
      const m = renderSlackBlocks(reply, p, { replyId: 'r1', invokedAs: '/brief search' });
      expectWithinLimits(m);
      const lines = sectionTexts(m.blocks).join('\n').split('\n').filter((l) => l.startsWith('• '));
      seen.push(...lines);
      const cited = new Set(lines.flatMap((l) => [...l.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))));
      const listed = new Set(contextTexts(m.blocks).flatMap((t) => [...t.matchAll(/^\*\[(\d+)\]\*/gm)].map((x) => Number(x[1]))));
      expect(listed).toEqual(cited);
      expect(m.partCount).toBe(1);
      expect(contextTexts(m.blocks)).toContain(`/brief search · page ${p + 1}/${first.pageCount}`);
      const actions = m.blocks.find((b) => b.type === 'actions');
      expect(actions?.type).toBe('actions');
      const buttons = actions!.type === 'actions' ? actions!.elements : [];
      expect(buttons.map((b) => b.action_id)).toEqual([
        ...(p > 0 ? [SLACK_ACTIONS.previous] : []),
        ...(p < first.pageCount - 1 ? [SLACK_ACTIONS.next] : []),
      ]);
      for (const b of buttons) {
        const target = parseSlackPageValue(b.value)!;
        expect(target.replyId).toBe('r1');
        expect(Math.abs(target.page - p)).toBe(1);
        expect(target.part).toBe(0);
      }
    }
    expect(seen).toHaveLength(200);
    seen.forEach((line, i) => expect(line).toContain(`(hit ${i + 1})`));
  });

  it('GIVEN a statement longer than a section THEN it is split into parts between words with "…(continued)" that Next and Previous walk', () => {
    const reply = giantStatementReply();
    const parts: string[] = [];
    let at: { page: number; part: number } | null = { page: 0, part: 0 };
    let previous: { page: number; part: number } | null = null;
    while (at) {
      const m = renderSlackBlocks(reply, at.page, { replyId: 'x', part: at.part });
      expectWithinLimits(m);
      expect(m.part).toBe(at.part);
      expect(contextTexts(m.blocks)).toContain(`/timeline · page 1/1, part ${at.part + 1}/${m.partCount}`);
      parts.push(...sectionTexts(m.blocks).join('\n').split('\n'));
      const actions = m.blocks.find((b) => b.type === 'actions');
      const buttons = actions && actions.type === 'actions' ? actions.elements : [];
      const prev = buttons.find((b) => b.action_id === SLACK_ACTIONS.previous);
      const next = buttons.find((b) => b.action_id === SLACK_ACTIONS.next);
      expect(prev ? parseSlackPageValue(prev.value) : null).toEqual(previous ? { replyId: 'x', ...previous } : null);
      previous = at;
      at = next ? { page: parseSlackPageValue(next.value)!.page, part: parseSlackPageValue(next.value)!.part } : null;
      if (at) expect(at).toEqual({ page: 0, part: previous.part + 1 });
    }
    expect(previous!.part).toBeGreaterThan(0);
    parts.slice(0, -1).forEach((p) => expect(p.endsWith(CONTINUED)).toBe(true));
    const words = parts.map((p) => p.replace(CONTINUED, '').replace(/^• /, '').replace(/ \[1\]$/, '')).join(' ').split(' ');
    expect(words).toEqual(sectionStatements(reply.sections[0]!)[0]!.text.split(' '));
  });

  it('GIVEN a page of 60,000 statements THEN only the statements of the page shown are built', () => {
    let built = 0;
    const reply = lazyReply(60_000, () => built++);
    const m = renderSlackBlocks(reply, 5999, { replyId: 'r2' });
    expectWithinLimits(m);
    expect(m.pageCount).toBe(6000);
    expect(contextTexts(m.blocks)).toContain('/quotes · page 6000/6000');
    expect(sectionTexts(m.blocks).join('\n')).toContain('(statement 60000)');
    expect(sectionTexts(m.blocks).join('\n')).toContain('*Quotes (continued)*');
    expect(built).toBeLessThanOrEqual(20);
  });

  it('GIVEN hostile corpus text THEN no Slack control sequence or broadcast survives, in blocks or fallback text', () => {
    const m = renderSlackBlocks(hostileReply());
    const mrkdwn = [...sectionTexts(m.blocks), m.text].join('\n');
    expect(mrkdwn).not.toMatch(/<[!@#]/);
    expect(mrkdwn).toContain('&lt;!channel&gt;');
    expect(mrkdwn).not.toMatch(/@(channel|here|everyone)/);
    expect(m.blocks[0]!.type === 'header' && m.blocks[0]!.text.text).toBe('Quotes @\u200beveryone <\u200b@&1> *title*');
    for (const b of m.blocks) if (b.type === 'section') expect(b.text.verbatim).toBe(true);
  });

  it('GIVEN an error THEN one section with the message', () => {
    const m = renderSlackBlocks(internalError());
    expect(m.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: ':warning: Sorry, /figures failed. Error id 1a2b3c4d; the team can find it in the logs.', verbatim: true } }]);
  });
});
