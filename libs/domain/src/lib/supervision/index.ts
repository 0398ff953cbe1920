export * from './supervision-figures';
