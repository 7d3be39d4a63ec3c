import { describe, expect, it } from 'vitest';
import { convert } from 'html-to-text';
import { articleOptions, htmlMetadata, htmlToText } from '../../src/corpus/html.js';

const WITH_ARTICLE =
  '<html><head><meta property="og:title" content="Quake &amp; aftershocks"><meta name="author" content="A. Writer"><title>T</title></head>' +
  '<body><nav>Home | World</nav><article><h1>Quake hits valley</h1><p>At least 30 people were <a href="/x">killed</a>, officials said.</p>' +
  '<figure><img src="a.jpg"><figcaption>Caption</figcaption></figure><ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>' +
  '<script>var x = 1;</script></article><footer>Footer</footer></body></html>';
const WITHOUT_ARTICLE = '<html><body><main><h2>Title here</h2><p>Body text &eacute; here.</p><aside>Ad</aside></main></body></html>';

describe('htmlToText with converters compiled once', () => {
  it('GIVEN pages with and without <article> THEN the text is what convert() gives with the same options, call after call', () => {
    for (let round = 0; round < 3; round++) {
      expect(htmlToText(WITH_ARTICLE)).toBe(convert(WITH_ARTICLE, articleOptions(['article'])).replace(/\n{3,}/g, '\n\n').trim());
      expect(htmlToText(WITHOUT_ARTICLE)).toBe(convert(WITHOUT_ARTICLE, articleOptions(['main', 'body'])).replace(/\n{3,}/g, '\n\n').trim());
    }
    expect(htmlToText(WITH_ARTICLE)).toContain('At least 30 people were killed, officials said.');
    expect(htmlToText(WITH_ARTICLE)).not.toMatch(/Home|Caption|Footer|var x/);
    expect(htmlToText(WITHOUT_ARTICLE)).toContain('Body text é here.');
  });

  it('GIVEN meta tags with entities THEN they are decoded', () => {
    expect(htmlMetadata(WITH_ARTICLE)).toMatchObject({ title: 'Quake & aftershocks', byline: 'A. Writer' });
  });
});
