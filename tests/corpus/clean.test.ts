import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanArticleText } from '../../src/corpus/clean.js';
import { SEEDS } from '../helpers.js';

const seed = (n: string) => readFileSync(path.join(SEEDS, n), 'utf8');

describe('cleanArticleText', () => {
  it('GIVEN a scraped page with outlet, headline, byline, captions and a comments notice THEN only the article body is kept', () => {
    const c = cleanArticleText(seed('000_357d44f1acaf523f.txt'));
    expect(c.publisher).toBe('Express & Star');
    expect(c.title).toBe('North Korea confirms it sent troops to help Russia in Ukraine');
    expect(c.byline).toBe('Associated Press Reporters');
    expect(c.body).not.toMatch(/Sorry, we are not accepting comments/);
    expect(c.body).not.toMatch(/Korean Central News Agency\/Korea News Service\/AP/);
    expect(c.body).not.toMatch(/launching ceremony/);
    expect(c.body).not.toMatch(/^Published$/m);
    expect(c.body).toMatch(/^North Korea has confirmed for the first time/m);
    expect(c.body).toMatch(/battle for Kursk\.$/);
  });

  it('GIVEN navigation, ads, share bars, a duplicated photo caption and "Read more" links THEN all are dropped', () => {
    const c = cleanArticleText(seed('003_d1f3a4ea73cfd1a9.txt'));
    expect(c.title).toBe('North Korea has sent more troops to Russia, says Seoul');
    expect(c.byline).toBe('Rory Sullivan');
    for (const junk of [/Newsletter/, /ADVERTISEMENT/i, /Share this article/, /Vladivostok/, /Copyright/, /Cobra Gold/, /accessibility/, /ballistic missiles as South/]) {
      expect(c.body).not.toMatch(junk);
    }
    expect(c.body).toMatch(/^Thousands of North Korean soldiers are said/m);
    expect(c.body).toMatch(/something Kim has pledged to enhance\.$/);
  });

  it('GIVEN a trailing "Sources:" credit and stray "SMS/" THEN the publisher is taken and the lines dropped', () => {
    const c = cleanArticleText(seed('002_df10cff95ed2165f.txt'));
    expect(c.publisher).toBe('Al Jazeera');
    expect(c.body).not.toMatch(/SMS\//);
    expect(c.body).not.toMatch(/Sources:/);
  });

  it('GIVEN an "ARTICLE AD BOX" placeholder THEN it is dropped', () => {
    expect(cleanArticleText(seed('001_debecc4f8dbd1735.txt')).body).not.toMatch(/AD BOX/);
  });

  it('GIVEN a wire dateline THEN it is removed from the first sentence and names the agency', () => {
    const c = cleanArticleText('SEOUL, South Korea — (AP) — North Korea confirmed Monday for the first time that it sent troops to Russia.\n\nMore text follows here in a second paragraph of the story.');
    expect(c.publisher).toBe('AP');
    expect(c.body.startsWith('North Korea confirmed Monday')).toBe(true);
  });

  it('GIVEN a headline-only passage with no full stop THEN the headline is kept as the body', () => {
    const c = cleanArticleText('At least 21 dead and more than 70 injured after bomb explodes outside Coptic church in Alexandria');
    expect(c.body).toBe('At least 21 dead and more than 70 injured after bomb explodes outside Coptic church in Alexandria');
  });

  it('GIVEN any cleaned body THEN every line of it is a line of the input (nothing rewritten)', () => {
    for (const f of ['000_357d44f1acaf523f.txt', '001_debecc4f8dbd1735.txt', '002_df10cff95ed2165f.txt', '003_d1f3a4ea73cfd1a9.txt']) {
      const raw = seed(f);
      for (const para of cleanArticleText(raw).body.split('\n\n')) expect(raw.includes(para), para).toBe(true);
    }
  });
});
