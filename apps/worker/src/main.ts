import 'reflect-metadata';
import { exitGracefullyOnSignals } from '@app/runtime';
import { Logger } from '@nestjs/common';
import { createWorker } from './bootstrap';
import { loadWorkerConfig, WorkerConfig } from './config/worker-config';

async function main(): Promise<void> {
  let config: WorkerConfig;
  try {
    config = loadWorkerConfig();
  } catch (error) {
    process.stderr.write(`worker: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const worker = await createWorker(config);
  const logger = new Logger('Worker');
  exitGracefullyOnSignals(worker, logger);
  logger.log(
    `ready as ${config.workerId} (concurrency ${config.concurrency}, tick ${config.tickMs} ms)`,
  );
}

void main();
