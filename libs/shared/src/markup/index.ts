export * from './escape';
export * from './issue-tracker';
export * from './readme';
export * from './stylify';
export * from './urlify';
