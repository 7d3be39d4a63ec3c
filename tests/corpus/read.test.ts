import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeText, listCorpusFiles, readDocument, readManifest, splitFrontMatter, CorpusError } from '../../src/corpus/read.js';
import { readCorpus } from '../../src/index/load.js';
import type { LoadWarning } from '../../src/core/types.js';

let dir: string;
let outside: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bb-read-'));
  outside = mkdtempSync(path.join(tmpdir(), 'bb-outside-'));
  writeFileSync(path.join(dir, 'good.txt'), 'Flood waters rose across the delta on Monday, officials said.\n');
  writeFileSync(path.join(dir, 'front.md'), '---\ntitle: A title\npublisher: The Ledger\ndate: 2024-06-20\nurl: https://example.org/a\n---\n# Heading\n\nThe text of the article is here, officials said.\n');
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'blank.txt'), '   \n\n  ');
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 society gathered on the square.', 'latin1'));
  writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Rescuers reached the village on Tuesday.', 'utf16le')]));
  writeFileSync(path.join(dir, 'crlf.txt'), 'First line of the story here.\r\nSecond line of the story here.\r\n');
  writeFileSync(path.join(dir, 'zz-copy.txt'), 'Flood waters rose across the delta on Monday, officials said.\n');
  writeFileSync(path.join(dir, 'notes.json'), '{}');
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ 'good.txt': { publisher: 'Delta Daily', date: '2024-07-01' } }));
  writeFileSync(path.join(outside, 'secret.txt'), 'outside the corpus');
  symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'link.txt'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'page.html'), '<html><head><title>Page</title><meta property="og:site_name" content="Web News"></head><body><nav>Home News Sport</nav><article><h1>Quake hits city</h1><p>The quake struck at dawn, officials said.</p><script>alert(1)</script></article></body></html>');
  writeFileSync(path.join(dir, 'locked.txt'), 'You cannot read me.');
  chmodSync(path.join(dir, 'locked.txt'), 0o000);
});

afterAll(() => {
  chmodSync(path.join(dir, 'locked.txt'), 0o644);
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('reading a corpus folder', () => {
  it('GIVEN a folder of good and bad files THEN the good ones load and each bad one gets one clear warning naming it', async () => {
    const { docs, warnings } = await readCorpus(dir);
    const ids = docs.map((d) => d.id).sort();
    const root = process.getuid?.() === 0; // root reads any file, so "locked" loads
    expect(ids).toEqual(root ? ['crlf', 'front', 'good', 'locked', 'sub/page', 'utf16'] : ['crlf', 'front', 'good', 'sub/page', 'utf16']);
    const by = (f: string) => warnings.filter((w) => w.file === f).map((w) => w.message);
    expect(by('empty.txt')).toEqual(['empty file; skipped']);
    expect(by('blank.txt')[0]).toMatch(/no text/);
    expect(by('binary.txt')[0]).toMatch(/binary/);
    expect(by('latin1.txt')[0]).toMatch(/not valid UTF-8/);
    expect(by('link.txt')[0]).toMatch(/outside the corpus folder/);
    expect(by('zz-copy.txt')[0]).toMatch(/identical to good.txt/);
    if (process.getuid?.() !== 0) expect(by('locked.txt')[0]).toMatch(/permission denied/);
    expect(warnings.every((w) => !w.message.includes('\n'))).toBe(true);
  });

  it('GIVEN CRLF and UTF-16 files THEN they are decoded with plain newlines', async () => {
    const { docs } = await readCorpus(dir);
    expect(docs.find((d) => d.id === 'crlf')!.text).not.toMatch(/\r/);
    expect(docs.find((d) => d.id === 'utf16')!.text).toBe('Rescuers reached the village on Tuesday.');
  });

  it('GIVEN front matter and a manifest THEN their metadata is declared', async () => {
    const { docs } = await readCorpus(dir);
    expect(docs.find((d) => d.id === 'front')!.declared).toMatchObject({ title: 'A title', publisher: 'The Ledger', date: '2024-06-20', url: 'https://example.org/a' });
    expect(docs.find((d) => d.id === 'good')!.declared).toMatchObject({ publisher: 'Delta Daily', date: '2024-07-01' });
  });

  it('GIVEN a missing folder THEN a CorpusError with one line', async () => {
    await expect(listCorpusFiles(path.join(dir, 'nope'), [])).rejects.toThrow(CorpusError);
    await expect(listCorpusFiles(path.join(dir, 'good.txt'), [])).rejects.toThrow(/not a folder/);
  });

  it('GIVEN invalid manifest JSON THEN a warning and no metadata', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'bb-man-'));
    writeFileSync(path.join(d, 'manifest.json'), '{ nope');
    const w: LoadWarning[] = [];
    expect((await readManifest(d, w)).size).toBe(0);
    expect(w[0]!.message).toMatch(/not valid JSON/);
    rmSync(d, { recursive: true });
  });

  it('GIVEN a too-large file THEN it is skipped with its size', async () => {
    const r = await readDocument(dir, 'good.txt', new Map(), { maxBytes: 10 });
    expect('warning' in r && r.warning.message).toMatch(/too large/);
  });
});

describe('decodeText and splitFrontMatter', () => {
  it('GIVEN a UTF-8 BOM THEN it is stripped', () => {
    expect(decodeText(Buffer.from('\ufeffHello', 'utf8'))).toEqual({ text: 'Hello' });
  });
  it('GIVEN broken YAML front matter THEN the body is kept and the error reported', () => {
    const r = splitFrontMatter('---\ntitle: [unclosed\n---\nBody text.');
    expect(r.body).toBe('Body text.');
    expect(r.error).toMatch(/not valid YAML/);
  });
});
