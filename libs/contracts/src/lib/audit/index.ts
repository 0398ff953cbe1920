export * from './audit-events';
export * from './contacts.fold';
export * from './event-notice';
export * from './extensions.fold';
export * from './objections.fold';
export * from './opinions.fold';
export * from './ratings.fold';
export * from './signatures.fold';
