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
