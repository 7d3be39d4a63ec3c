import { describe, expect, it } from 'vitest';
import { readiness, startHealthServer } from '../../src/health.js';
import { stubIndex } from './fakes.js';

describe('/health', () => {
  it('GIVEN loading, then ready, then a dropped platform THEN 503 starting, 200 ready, 503 degraded', async () => {
    let index: ReturnType<typeof stubIndex> | null = null;
    let discordUp = false;
    let wasReady = false;
    const platforms = [{ name: 'discord' as const, isConnected: () => discordUp }];
    const server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      status: () => {
        const s = readiness(index, platforms, wasReady);
        wasReady ||= s.status === 'ready';
        return s;
      },
    });
    const url = `http://127.0.0.1:${server.port}/health`;
    try {
      let r = await fetch(url);
      expect(r.status).toBe(503);
      expect(await r.json()).toEqual({ status: 'starting', corpus: { loaded: false }, platforms: { discord: false } });

      index = stubIndex();
      expect((await fetch(url)).status).toBe(503);
      discordUp = true;
      r = await fetch(url);
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual({ status: 'ready', corpus: { loaded: true, articles: 0, loadedAt: '2025-04-29T00:00:00.000Z' }, platforms: { discord: true } });

      discordUp = false;
      r = await fetch(url);
      expect(r.status).toBe(503);
      expect((await r.json()).status).toBe('degraded');

      expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
      expect((await fetch(url, { method: 'HEAD' })).status).toBe(503);
    } finally {
      await server.close();
    }
  });
});
