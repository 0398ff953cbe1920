export * from './lib/domain-error';
export * from './lib/proposal';
export * from './lib/registration';
