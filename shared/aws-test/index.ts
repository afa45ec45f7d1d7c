export * from './input';
export * from './result';
