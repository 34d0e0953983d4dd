/**
 * A real `redis-server` and a node-redis client connected to it, for one test file: started before
 * its tests, stopped after them. The client reconnects on its own after an outage test restarts
 * the server.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll } from 'vitest';
import { startRedisServer, type RedisServer } from './redis-server.js';

export type RedisClient = ReturnType<typeof createClient>;

export function redisForTests(): { readonly server: RedisServer; readonly client: RedisClient } {
  let server: RedisServer | undefined;
  let client: RedisClient | undefined;
  beforeAll(async () => {
    server = await startRedisServer();
    client = createClient({ url: server.url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 50 } });
    client.on('error', () => {});
    await client.connect();
  }, 20_000);
  afterAll(async () => {
    await client?.quit().catch(() => {});
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('redis-server is not started yet: use it inside a test or hook');
      return server;
    },
    get client() {
      if (!client) throw new Error('the Redis client is not connected yet: use it inside a test or hook');
      return client;
    },
  };
}
