export * from './graceful-exit';
export * from './logging';
export * from './metrics';
export * from './periodic-task';
export * from './closing-connections';
