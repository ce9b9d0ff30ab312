import { ConfigError, loadConfig, readEnvironment } from './config.ts';
import { createApp } from './app.ts';
import { createLogger, logFormatFor } from './logger.ts';
import { startLine } from './startup.ts';

function printBootstrapToken(secret: string): void {
  const line = '='.repeat(72);
  process.stderr.write(
    `${line}\n OptiInfra Orchestrator created the first admin token. It is shown once and\n` +
      ` stored only as a hash; keep it now:\n\n   ${secret}\n\n` +
      ` Use it as:  Authorization: Bearer ${secret}\n${line}\n`,
  );
}

async function main(): Promise<void> {
  const config = loadConfig(readEnvironment());
  const log = createLogger(
    config.logLevel,
    undefined,
    logFormatFor(config.logFormat, config.env, process.stdout.isTTY),
  );
  // Some settings can only be judged against the world (a Lease needs a cluster).
  const app = await createApp(config, log);
  // Handlers first: a SIGTERM sent as soon as "listening" is seen must find them installed
  // (without a listener the signal's default action kills the process on the spot).
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      log.error({ timeoutSeconds: config.shutdownTimeoutSeconds }, 'shutdown timed out');
      process.exit(1);
    }, config.shutdownTimeoutSeconds * 1000);
    deadline.unref();
    app.shutdown().then(
      () => {
        log.info('shutdown complete');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  const { port, host, bootstrapSecret } = await app.listen();
  log.info({ port, host, version: config.version, env: config.env }, 'listening');
  if (bootstrapSecret) printBootstrapToken(bootstrapSecret);
  // For a person: where to go and what works (the providers' first answers, not their sync).
  process.stderr.write(
    `${startLine({
      version: config.version,
      host,
      port,
      graphiql: config.graphiql,
      dashboard: app.browser.manifest !== undefined,
      components: await app.services.health.status(),
    })}\n`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    for (const problem of err.problems) process.stderr.write(`${problem}\n`);
  } else {
    process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
