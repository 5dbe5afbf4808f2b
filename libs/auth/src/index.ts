export * from './development-secret';
export * from './jwt-settings';
export * from './role';
export * from './token-signer';
export * from './token-environment';
export * from './project-roles';
