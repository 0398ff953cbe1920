export * from './lib/database-config';
export * from './lib/data-source';
export * from './lib/entities';
export * from './lib/migrations';
export * from './lib/proposal-projection.repository';
export * from './lib/proposal-query.repository';
