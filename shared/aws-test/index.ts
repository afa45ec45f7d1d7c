export * from './input';
export * from './result';
export * from './from-connector';
