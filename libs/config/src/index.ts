export * from './connection-environment';
export * from './integer-setting.decorator';
export * from './local-defaults';
export * from './redis-endpoint';
export * from './validate-environment';
