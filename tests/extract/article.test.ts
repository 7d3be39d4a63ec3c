import { describe, expect, it } from 'vitest';
import { extractArticle, quotedSpans } from '../../src/extract/article.js';
import { doc } from '../helpers.js';

describe('extractArticle', () => {
  it('GIVEN a date inside a quotation THEN it is not a timeline date of the article', () => {
    const x = extractArticle(doc('date 2010-01-17\n\nClinton said the US would be "here today, tomorrow and for the time ahead" after she arrived on Saturday.'));
    expect(x.times.map((t) => t.text)).toEqual(['Saturday']);
  });

  it('GIVEN a leading date line with the story on the same line THEN the date is stated by the text and the line starts the body', () => {
    const x = extractArticle(doc(' date 2025-04-28 SEOUL, South Korea — (AP) — North Korea confirmed Monday for the first time that it sent troops.'));
    expect(x.statedDate).toEqual({ value: { year: 2025, month: 4, day: 28, granularity: 'day' }, source: 'text' });
    expect(x.body.startsWith('North Korea confirmed Monday')).toBe(true);
    expect(x.publisher).toBe('AP');
  });

  it('GIVEN an unparseable metadata date THEN a warning, and the text date line is used instead', () => {
    const x = extractArticle(doc('---\ndate: sometime soon\n---\nPublished 14 September 2023\n\nFloods killed 12 people in the valley, officials said on Tuesday.'));
    expect(x.warnings[0]).toMatch(/not a date I understand/);
    expect(x.statedDate?.source).toBe('text');
  });

  it('GIVEN an HTML page THEN metadata comes from its head and scripts never reach the body', () => {
    const html = '<html><head><meta property="article:published_time" content="2024-03-02T08:00:00Z"><meta property="og:site_name" content="Valley News"><title>Quake</title></head><body><nav>Home | World</nav><article><h1>Quake hits valley</h1><p>At least 30 people were killed when the quake struck on Friday, officials said.</p><script>var x = "killed 999 people";</script></article></body></html>';
    const x = extractArticle(doc(html, 'page', 'html'));
    expect(x.statedDate).toEqual({ value: { year: 2024, month: 3, day: 2, granularity: 'day' }, source: 'metadata' });
    expect(x.publisher).toBe('Valley News');
    expect(x.body).not.toMatch(/999|Home \| World/);
    expect(x.figures.map((f) => [f.kind, f.low])).toEqual([['killed', 30]]);
  });

  it('GIVEN quotation marks THEN their spans are found, including one left open', () => {
    expect(quotedSpans('He said "go now" and “stay”.')).toEqual([[8, 16], [21, 27]]);
    expect(quotedSpans('“We will not leave')).toEqual([[0, 18]]);
  });
});
