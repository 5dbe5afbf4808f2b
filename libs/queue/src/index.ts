export * from './job-payloads';
export * from './machine-queues';
export * from './queue.constants';
export * from './queue.module';
export * from './redis-options';
export * from './simulation-events';
export * from './simulation-queue.producer';
export * from './job-handlers';
