/**
 * CLI entry: `npm run mock-ws`. Reads MOCK_WS_* from the environment (see mock-ws/README.md),
 * starts the fake backend on 127.0.0.1 and stops cleanly on Ctrl-C or SIGTERM.
 */
import { createMockServer } from './mock-server';
import { optionsFromEnv, resolveOptions } from './config';

async function main(): Promise<void> {
  let options;
  try {
    options = optionsFromEnv(process.env);
  } catch (error) {
    console.error(`[mock-ws] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const quiet = process.env.MOCK_WS_QUIET === '1';
  const print = (line: string) => {
    if (!quiet) console.log(`[mock-ws] ${new Date().toISOString().slice(11, 23)} ${line}`);
  };
  let server;
  try {
    server = await createMockServer({ ...options, print });
  } catch (error) {
    console.error(`[mock-ws] Could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const resolved = resolveOptions(options);
  console.log(
    `[mock-ws] listening on ${server.url} (socket ${server.wsUrl}); control API ${resolved.control ? 'on' : 'off'}; ` +
      `simulator ${resolved.simulate ? 'on' : 'off'}; allowed origins ${resolved.allowedOrigins.join(', ')}`,
  );
  const stop = (signal: string) => {
    console.log(`[mock-ws] ${signal}: shutting down`);
    const forced = setTimeout(() => process.exit(0), 3_000);
    forced.unref();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
