export * from './lib/http-config';
export * from './lib/temporal-config';
export * from './lib/handling-config';
export * from './lib/auth-config';
export * from './lib/notification-config';
export * from './lib/worker-config';
export * from './lib/oidc-config';
