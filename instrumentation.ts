/** Runs once when a server starts: with REDIS_URL set, connect now rather than on the first request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { sharedRedis } = await import('./lib/redis/client.mjs');
  sharedRedis();
}
