import { quietBoot } from '@app/runtime';
import { Logger } from 'nestjs-pino';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadWorkerConfig, WorkerConfig } from './config/worker-config';
import { WorkerModule } from './worker.module';

/** Builds the worker exactly as production runs it; tests call this too. */
export async function createWorker(
  config: WorkerConfig = loadWorkerConfig(),
): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  worker.useLogger(quietBoot(worker.get(Logger)));
  return worker;
}
