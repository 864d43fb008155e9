export { createMockServer, type MockServer, type MockServerOptions } from './mock-server';
export { DEFAULTS, optionsFromEnv } from './config';
