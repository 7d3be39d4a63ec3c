import { describe, expect, it } from 'vitest';
import { CONTINUED, escapeDiscord, escapeSlack, safeUrl, splitText, truncate } from '../../src/render/text.js';
import { HOSTILE } from './fixtures.js';

describe('escapeDiscord', () => {
  it('GIVEN mentions and markdown in corpus text THEN every one shows literally', () => {
    const out = escapeDiscord(HOSTILE);
    expect(out).not.toMatch(/(^|[^\\])<[@#!]/);
    expect(out).not.toMatch(/@(everyone|here)/);
    expect(out).toContain('@\u200beveryone');
    expect(out).toContain('\\*\\*bold\\*\\*');
    expect(out).toContain('\\[click\\](https://evil.example/)');
    expect(out).toContain('\\|\\|spoiler\\|\\|');
  });

  it('GIVEN block syntax at the start of a line THEN it is escaped, and left alone mid-line', () => {
    expect(escapeDiscord('# Heading\n> quote\n- item\n-# small\n1. one')).toBe('\\# Heading\n\\> quote\n\\- item\n\\-# small\n\\1. one');
    expect(escapeDiscord('a > b - c # d')).toBe('a > b - c # d');
  });
});

describe('escapeSlack', () => {
  it('GIVEN Slack control sequences THEN they become entities and broadcasts cannot fire', () => {
    const out = escapeSlack(HOSTILE);
    expect(out).not.toMatch(/[<>]/);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('&amp; @\u200bhere');
    expect(out).not.toMatch(/(^|[^&])@(channel|here|everyone)/);
  });
});

describe('splitText', () => {
  it('GIVEN text under the limit THEN it comes back whole', () => {
    expect(splitText('Short sentence.', 100)).toEqual(['Short sentence.']);
  });

  it('GIVEN several sentences over the limit THEN it cuts after a sentence and marks the cut', () => {
    const text = 'North Korea confirmed the deployment on Monday. Kim called the soldiers heroes. Putin thanked him for solidarity.';
    const chunks = splitText(text, 70);
    expect(chunks[0]).toBe('North Korea confirmed the deployment on Monday.' + CONTINUED);
    expect(chunks.every((c) => c.length <= 70)).toBe(true);
    expect(chunks.map((c) => c.replace(CONTINUED, '')).join(' ')).toBe(text);
  });

  it('GIVEN one run-on sentence THEN it cuts between words, never inside one', () => {
    const text = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const chunks = splitText(text, 200);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(200);
    const words = chunks.map((c) => c.replace(CONTINUED, '')).join(' ').split(' ');
    expect(words).toEqual(text.split(' '));
  });

  it('GIVEN a token longer than the limit THEN the hard cut keeps escapes and entities whole', () => {
    const slack = 'x'.repeat(45) + '&amp;' + 'y'.repeat(100);
    for (const c of splitText(slack, 60)) expect(c.replace(CONTINUED, '')).not.toMatch(/&[a-z]*$/);
    const discord = 'x'.repeat(46) + '\\*' + 'y'.repeat(100);
    for (const c of splitText(discord, 60)) expect(c.replace(CONTINUED, '')).not.toMatch(/\\$/);
  });
});

describe('truncate and safeUrl', () => {
  it('GIVEN a long title THEN it ends with an ellipsis at a word boundary within the limit', () => {
    const t = truncate('North Korea confirms it sent troops to help Russia in Ukraine', 30);
    expect(t.length).toBeLessThanOrEqual(30);
    expect(t).toBe('North Korea confirms it sent…');
  });

  it('GIVEN non-http or malformed URLs THEN no link is made', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(null)).toBeNull();
    expect(safeUrl('https://apnews.com/a b')).toBe('https://apnews.com/a%20b');
  });
});
