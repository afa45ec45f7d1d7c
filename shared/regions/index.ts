export * from './catalog';
export * from './partitions';
