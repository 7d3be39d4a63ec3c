/**
 * `/health` for Docker and orchestrators: a tiny node:http server answering
 * 200 `{"status":"ready",...}` once the corpus is loaded and every configured chat
 * platform is connected, 503 `{"status":"starting"|"degraded"|"stopping",...}`
 * otherwise (`stopping`: shutting down after SIGTERM, finishing the last answers).
 *
 * @example
 *   const health = await startHealthServer({ port: 8080, status: () => readiness(index, platforms) });
 *   // curl localhost:8080/health -> {"status":"ready","corpus":{"articles":5},"platforms":{"discord":true}}
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reply } from './core/reply.js';
import type { BriefingIndex } from './index/briefingIndex.js';

/**
 * What every chat platform adapter offers the rest of the process: lifecycle,
 * readiness, and the seam for scheduled posts (`postToChannel`).
 */
export interface ChatPlatform {
  readonly name: 'discord' | 'slack';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Connected and able to answer (gateway ready / socket open / HTTP listening). */
  isConnected(): boolean;
  /** Posts a reply to a channel (Discord channel id, Slack channel id), unprompted. */
  postToChannel(channelId: string, reply: Reply): Promise<void>;
}

/** Where a command was typed; adapters pass it to commands as `ctx.channel`. */
export interface ChannelInfo {
  platform: 'discord' | 'slack';
  /** Discord guild id or Slack team id. */
  workspaceId: string;
  channelId: string;
}

export interface HealthStatus {
  status: 'ready' | 'starting' | 'degraded' | 'stopping';
  corpus: { loaded: boolean; articles?: number; loadedAt?: string };
  platforms: Record<string, boolean>;
}

/**
 * Readiness from the loaded index (null while loading) and the platforms: ready when
 * both hold; `starting` until the first time they do, `degraded` after a platform drops.
 */
export function readiness(index: BriefingIndex | null, platforms: readonly Pick<ChatPlatform, 'name' | 'isConnected'>[], wasReady = false): HealthStatus {
  const states = Object.fromEntries(platforms.map((p) => [p.name, p.isConnected()]));
  const corpus = index ? { loaded: true, articles: index.articles().length, loadedAt: index.loadedAt.toISOString() } : { loaded: false };
  const ready = index !== null && Object.values(states).every(Boolean);
  return { status: ready ? 'ready' : wasReady ? 'degraded' : 'starting', corpus, platforms: states };
}

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serves GET/HEAD `/health` (and `/healthz`); everything else is 404. */
export async function startHealthServer(opts: { port: number; host?: string; status: () => HealthStatus }): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && (path === '/health' || path === '/healthz')) {
      let body: HealthStatus;
      try {
        body = opts.status();
      } catch {
        body = { status: 'degraded', corpus: { loaded: false }, platforms: {} };
      }
      res.writeHead(body.status === 'ready' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"error":"not found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
