import './memory-settings';
import 'reflect-metadata';
import { exitGracefullyOnSignals } from '@app/runtime';
import { Logger } from '@nestjs/common';
import { createApiApp } from './bootstrap';
import { ApiConfig, loadApiConfig } from './config/api-config';

async function main(): Promise<void> {
  let config: ApiConfig;
  try {
    config = loadApiConfig();
  } catch (error) {
    // A configuration mistake is the operator's to fix: say what, skip the stack.
    process.stderr.write(`api: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const app = await createApiApp(config);
  await app.listen(config.port, config.host);
  const logger = new Logger('Api');
  // Closing stops accepting connections and lets requests in flight finish.
  exitGracefullyOnSignals(app, logger);
  logger.log(`listening on http://${config.host}:${config.port} (docs at /docs)`);
}

void main();
