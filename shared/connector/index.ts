export * from './arn';
export * from './form';
export * from './issues';
export * from './naming';
export * from './rules';
export * from './schema';
export * from './validate';
export * from './yaml';
