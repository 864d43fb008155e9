export * from './entities';
export * from './errors';
export * from './events';
export * from './normalize';
export * from './parse-frame';
export * from './client-frame';
export * from './encode';
export * from './rest';
