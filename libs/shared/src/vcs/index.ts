export * from './diff';
export * from './graph';
export * from './repository';
