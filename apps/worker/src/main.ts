import 'reflect-metadata';
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
  await createWorker(config);
  new Logger('Worker').log(`ready (concurrency ${config.concurrency}, tick ${config.tickMs} ms)`);
}

void main();
