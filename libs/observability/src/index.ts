export * from './lib/logger';
export * from './lib/temporal-logger';
export * from './lib/metrics-config';
export * from './lib/metrics-server';
export * from './lib/tracing';
