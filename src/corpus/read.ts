/**
 * Reads a corpus folder: every .txt, .md and .html file, decoded and checked.
 * Bad input never stops a load: each file that cannot be used is reported once,
 * with its name and why, and everything else is read.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { DeclaredMetadata, LoadWarning } from '../core/types.js';

export type DocumentFormat = 'txt' | 'md' | 'html';

export interface RawDocument {
  /** Path relative to the corpus folder, without extension ("000_357d44f1acaf523f", "2025/wire-copy"). */
  id: string;
  /** Path relative to the corpus folder. */
  file: string;
  format: DocumentFormat;
  /** sha256 of the raw bytes. */
  hash: string;
  /** Decoded text with newlines normalised and front matter removed. */
  text: string;
  declared: DeclaredMetadata;
}

export interface ReadOptions {
  /** Files larger than this are skipped with a warning. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const EXTENSIONS: Record<string, DocumentFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html' };

export class CorpusError extends Error {}

/** Lists the corpus files (relative paths), skipping hidden folders and links that leave the folder. */
export async function listCorpusFiles(dir: string, warnings: LoadWarning[]): Promise<string[]> {
  let root: string;
  try {
    const st = await fs.stat(dir);
    if (!st.isDirectory()) throw new CorpusError(`corpus path ${dir} is not a folder`);
    root = await fs.realpath(dir);
  } catch (err) {
    if (err instanceof CorpusError) throw err;
    throw new CorpusError(`corpus folder ${dir} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const out: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(path.join(root, rel), { withFileTypes: true });
    } catch (err) {
      warnings.push({ file: rel || '.', message: `folder cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); skipped` });
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      const full = path.join(root, relPath);
      if (e.isSymbolicLink()) {
        let target: string;
        try {
          target = await fs.realpath(full);
        } catch {
          warnings.push({ file: relPath, message: 'broken link; skipped' });
          continue;
        }
        if (target !== root && !target.startsWith(root + path.sep)) {
          warnings.push({ file: relPath, message: 'link points outside the corpus folder; skipped' });
          continue;
        }
        const st = await fs.stat(target).catch(() => null);
        if (st?.isDirectory()) await walk(relPath, depth + 1);
        else if (st?.isFile() && EXTENSIONS[path.extname(e.name).toLowerCase()]) out.push(relPath);
        continue;
      }
      if (e.isDirectory()) await walk(relPath, depth + 1);
      else if (e.isFile() && EXTENSIONS[path.extname(e.name).toLowerCase()]) out.push(relPath);
    }
  };
  await walk('', 0);
  return out;
}

/** Reads `manifest.json` beside the files: `{ "file.txt": { title, publisher, date, url, byline } }` or an array of `{ file, ... }`. */
export async function readManifest(dir: string, warnings: LoadWarning[]): Promise<Map<string, DeclaredMetadata>> {
  const map = new Map<string, DeclaredMetadata>();
  let raw: string;
  try {
    raw = await fs.readFile(path.join(dir, 'manifest.json'), 'utf8');
  } catch {
    return map;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    warnings.push({ file: 'manifest.json', message: `not valid JSON (${(err as Error).message.split('\n')[0]}); ignored` });
    return map;
  }
  const entries: [string, unknown][] = Array.isArray(parsed)
    ? parsed.filter((e) => e && typeof e === 'object' && typeof (e as { file?: unknown }).file === 'string').map((e) => [(e as { file: string }).file, e])
    : parsed && typeof parsed === 'object'
      ? Object.entries(parsed as Record<string, unknown>)
      : [];
  for (const [file, meta] of entries) {
    const m = pickMetadata(meta);
    map.set(file, m);
    map.set(file.replace(/\.[^.\/]+$/, ''), m);
  }
  return map;
}

function pickMetadata(obj: unknown): DeclaredMetadata {
  const out: DeclaredMetadata = {};
  if (!obj || typeof obj !== 'object') return out;
  const o = obj as Record<string, unknown>;
  for (const key of ['title', 'publisher', 'date', 'url', 'byline'] as const) {
    const v = o[key] ?? (key === 'byline' ? o['author'] : key === 'publisher' ? (o['source'] ?? o['outlet']) : undefined);
    if (v instanceof Date) out[key] = v.toISOString().slice(0, 10);
    else if (typeof v === 'string' && v.trim()) out[key] = v.trim();
    else if (typeof v === 'number' && key === 'date') out[key] = String(v);
  }
  return out;
}

/** Decodes bytes: UTF-8 (BOM allowed) or UTF-16 with a BOM. Returns null with a reason otherwise. */
export function decodeText(buf: Buffer): { text: string } | { error: string } {
  if (buf.length === 0) return { error: 'empty file' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)) };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)) };
  const sample = buf.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return { error: 'binary file (contains NUL bytes)' };
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  if (controls > sample.length * 0.1) return { error: 'binary file' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { error: 'not valid UTF-8 text (save it as UTF-8)' };
  }
}

/** Splits YAML front matter off a text. */
export function splitFrontMatter(text: string): { meta: DeclaredMetadata; body: string; error?: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  try {
    const parsed = YAML.parse(m[1]!);
    return { meta: pickMetadata(parsed), body: text.slice(m[0].length) };
  } catch (err) {
    return { meta: {}, body: text.slice(m[0].length), error: `front matter is not valid YAML (${(err as Error).message.split('\n')[0]}); ignored` };
  }
}

/** Reads and decodes one file; returns a warning instead when it cannot be used. */
export async function readDocument(
  dir: string,
  file: string,
  manifest: Map<string, DeclaredMetadata>,
  opts: ReadOptions = {},
): Promise<{ doc: RawDocument; warnings: LoadWarning[] } | { warning: LoadWarning }> {
  const full = path.join(dir, file);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let buf: Buffer;
  try {
    const st = await fs.stat(full);
    if (st.size > maxBytes) {
      return { warning: { file, message: `too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB); skipped` } };
    }
    buf = await fs.readFile(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'file vanished while loading' : `unreadable (${code ?? 'error'})`;
    return { warning: { file, message: `${why}; skipped` } };
  }
  const decoded = decodeText(buf);
  if ('error' in decoded) return { warning: { file, message: `${decoded.error}; skipped` } };
  const format = EXTENSIONS[path.extname(file).toLowerCase()]!;
  const warnings: LoadWarning[] = [];
  let text = decoded.text.replace(/\r\n?/g, '\n');
  const fm = splitFrontMatter(text);
  if (fm.error) warnings.push({ file, message: fm.error });
  text = fm.body;
  if (text.trim() === '') return { warning: { file, message: 'no text (empty or only whitespace); skipped' } };
  const id = file.replace(/\.[^.\/]+$/, '');
  const fromManifest = manifest.get(file) ?? manifest.get(id) ?? {};
  const declared: DeclaredMetadata = { ...fm.meta, ...fromManifest };
  // the manifest entry is part of what the extraction depends on
  const hash = createHash('sha256').update(buf).update(JSON.stringify(fromManifest)).digest('hex');
  return { doc: { id, file, format, hash, text, declared }, warnings };
}
