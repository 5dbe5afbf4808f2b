export * from './connection-environment';
export * from './local-defaults';
export * from './log-levels';
export * from './validate-environment';
