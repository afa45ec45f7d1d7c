export * from './claims';
export * from './harness';
export * from './setup';
export * from './token';
