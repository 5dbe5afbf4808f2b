import type { Logger } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT, closes the app (which runs every shutdown hook) and
 * exits 0, or 1 if closing failed. Nest's own enableShutdownHooks re-raises
 * the signal after closing, which makes even a clean stop exit non-zero.
 */
export function exitGracefullyOnSignals(app: { close(): Promise<void> }, logger: Logger): void {
  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      logger.log(`${signal} received: shutting down`);
      app.close().then(
        () => process.exit(0),
        (error: Error) => {
          logger.error(`shutdown failed: ${error.message}`);
          process.exit(1);
        },
      );
    });
  }
}
