export * from './dto';
export * from './permissions';
export * from './validation';
export * from './vcs';
export * from './markup';
