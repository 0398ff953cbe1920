export * from './supervision-figures';
export * from './supervision-documents';
