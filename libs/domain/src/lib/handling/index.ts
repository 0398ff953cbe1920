export * from './actor';
export * from './handling-alarms';
export * from './handling-commands';
export * from './handling-init';
export * from './handling-rules';
export * from './handling-stage';
export * from './handling-state';
export * from './actions';
