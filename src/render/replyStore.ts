/**
 * Recent paginated replies, so a Previous/Next click can re-render a page without
 * re-running the command. A small LRU with a time limit: when an entry is gone the
 * adapter answers `EXPIRED_MESSAGE`. Button ids stay compact (Discord allows 100
 * characters): `bb:pg:<id>:<page>`.
 */
import { randomBytes } from 'node:crypto';
import type { AnswerReply } from '../core/reply.js';

export const EXPIRED_MESSAGE = 'This answer expired; run the command again.';

export interface StoredReply {
  reply: AnswerReply;
  /** Whether the message was posted for the channel (paging keeps it that way). */
  public: boolean;
  /** Who ran the command. */
  userId: string | null;
  /** How it was typed (`/brief search`), shown with the page number on Slack. */
  invokedAs?: string;
}

export interface ReplyStoreOptions {
  capacity?: number;
  ttlMs?: number;
  now?: () => number;
}

const DEFAULT_STORE = Object.freeze({ capacity: 500, ttlMs: 60 * 60 * 1000 });

export class ReplyStore {
  private readonly entries = new Map<string, { value: StoredReply; at: number }>();
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(opts: ReplyStoreOptions = {}) {
    this.capacity = opts.capacity ?? DEFAULT_STORE.capacity;
    this.ttlMs = opts.ttlMs ?? DEFAULT_STORE.ttlMs;
    this.now = opts.now ?? Date.now;
  }

  /** Stores a reply and returns its id (10 characters, URL- and id-safe). */
  put(value: StoredReply): string {
    const id = randomBytes(8).toString('base64url').slice(0, 10);
    this.entries.set(id, { value, at: this.now() });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return id;
  }

  get(id: string): StoredReply | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (this.now() - e.at > this.ttlMs) {
      this.entries.delete(id);
      return undefined;
    }
    // Refresh recency.
    this.entries.delete(id);
    this.entries.set(id, e);
    return e.value;
  }

  get size(): number {
    return this.entries.size;
  }
}

const PAGE_ID = /^bb:pg:([A-Za-z0-9_-]{1,32}):(\d{1,7})(?:\.(\d{1,4}))?$/;

/** `bb:pg:<id>:<page>`, or `bb:pg:<id>:<page>.<part>` past a page's first part: the custom_id of a page button. */
export function pageButtonId(replyId: string, page: number, part = 0): string {
  return `bb:pg:${replyId}:${page}${part > 0 ? `.${part}` : ''}`;
}

export function parsePageButtonId(customId: string): { replyId: string; page: number; part: number } | null {
  const m = PAGE_ID.exec(customId);
  return m ? { replyId: m[1]!, page: Number(m[2]), part: Number(m[3] ?? 0) } : null;
}
