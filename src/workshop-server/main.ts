/** `npm run workshop-server`: the live workshop server on its own, configured by environment variables. */
import { ConfigError, configFromEnv } from './config.ts';
import { startWorkshopServer } from './server.ts';

try {
  const running = await startWorkshopServer(configFromEnv());
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof ConfigError ? `Workshop server: ${error.message}` : error);
  process.exit(1);
}
