export * from './connection-environment';
export * from './graceful-exit';
export * from './integer-setting.decorator';
export * from './local-defaults';
export * from './validate-environment';
export * from './logging';
export * from './metrics';
