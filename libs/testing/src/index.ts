export * from './lib/temporal-binaries';
export * from './lib/temporal-env';
export * from './lib/test-databases';
export * from './lib/private-postgres';
export * from './lib/oidc-test-provider';
export * from './lib/committee-sessions';
export * from './lib/prometheus-text';
export * from './lib/app-process';
