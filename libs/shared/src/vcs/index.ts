export * from './diff';
export * from './graph';
export * from './repository';
export * from './clone-url';
