import Redis from 'ioredis';

/**
 * The project's Redis connections are made here (one place to share or replace them). Commands
 * fail at once while the server is unreachable instead of queueing, so callers can fall back.
 */
export function createRedisClient(url: string, name: string): Redis {
  const client = new Redis(url, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    lazyConnect: false,
  });
  // Errors are reported by the commands that fail; without a listener ioredis prints each retry.
  client.on('error', () => {});
  return client;
}

export async function closeRedisClient(client: Redis): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/** Resolves once the client can take commands (it refuses them until then: no offline queue). */
export function redisReady(client: Redis, timeoutMs = 5000): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready after ${timeoutMs} ms`)), timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
