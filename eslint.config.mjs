// Lint, the layer rule of docs/architecture.md (imports point down only) and no import cycles anywhere.
//   app → components → lib/realtime → lib/api → lib/protocol → lib/kit;  mock-ws → lib/protocol;
//   inside lib/realtime: react/ → cache/, connection/ (siblings that never import each other);
//   e2e → anything but app/components.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';
import prettierConfig from 'eslint-config-prettier';

const libLayer = (name) => ({
  regex: `^(@/lib/|(\\.\\./)+(lib/)?)${name}(/|$)`,
  message: `Layer rule (docs/architecture.md): this folder may not import lib/${name}; imports point down only.`,
});
const topLayer = (name) => ({
  regex: `^(@/|(\\.\\./)+)${name}(/|$)`,
  message: `Layer rule (docs/architecture.md): this folder may not import ${name}/; imports point down only.`,
});
const pkg = (name, why) => ({ regex: `^${name}(/|$)`, message: why });
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/** A sibling folder inside lib/realtime (`../cache`, `@/lib/realtime/cache`). */
const room = (name, why) => ({ regex: `^(\\.\\./|@/lib/realtime/)${name}(/|$)`, message: why });

const NO_UI = [topLayer('app'), topLayer('components'), topLayer('e2e'), topLayer('mock-ws')];
const NO_SOCKET = pkg('partysocket', 'The socket lives in lib/realtime/connection/socket.ts only.');

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      '.next-*/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'bench-results/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks, '@next/next': nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  layer(
    ['lib/protocol/**'],
    [
      libLayer('api'),
      libLayer('realtime'),
      ...NO_UI,
      pkg('react', 'lib/protocol has no React.'),
      pkg('next', 'lib/protocol has no Next.'),
      pkg('node:', 'lib/protocol has no Node-only APIs.'),
      pkg('(ws|partysocket|@tanstack)', 'lib/protocol is the wire contract only.'),
    ],
  ),
  layer(
    ['lib/kit/**'],
    [
      libLayer('protocol'),
      libLayer('api'),
      libLayer('realtime'),
      ...NO_UI,
      pkg('(react|next|node:|ws|partysocket|@tanstack|zod)', 'lib/kit is plain TypeScript with no imports.'),
    ],
  ),
  layer(['lib/api/**'], [libLayer('realtime'), ...NO_UI]),
  layer(['lib/realtime/**'], [...NO_UI, NO_SOCKET]),
  layer(['lib/realtime/connection/socket.ts'], NO_UI),
  layer(
    ['lib/realtime/cache/**'],
    [
      ...NO_UI,
      NO_SOCKET,
      pkg('react', 'The bridge core (lib/realtime/cache) has no React: plain functions over a QueryClient.'),
      room('(connection|react)', 'lib/realtime/cache knows no socket and no React; lib/realtime/react joins them.'),
    ],
  ),
  layer(
    ['lib/realtime/connection/**'],
    [
      ...NO_UI,
      pkg('react', 'lib/realtime/connection has no React.'),
      room('(cache|react)', 'lib/realtime/connection knows no cache and no React; lib/realtime/react joins them.'),
    ],
  ),
  layer(['components/**'], [topLayer('app'), topLayer('e2e'), topLayer('mock-ws')]),
  layer(['app/**'], [topLayer('e2e'), topLayer('mock-ws')]),
  layer(
    ['mock-ws/**'],
    [
      libLayer('api'),
      libLayer('realtime'),
      ...NO_UI.filter((p) => !p.regex.includes('mock-ws')),
      pkg('react', 'mock-ws is a Node server.'),
      pkg('next', 'mock-ws is a Node server.'),
    ],
  ),
  layer(['e2e/**'], [topLayer('app'), topLayer('components')]),
  {
    // No import cycles, between any two files of the repo (type-only imports included).
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // Without a parser for the files it follows, import-x reads no imports from them and finds no cycle.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['mock-ws/**', 'scripts/**', 'bench/**', 'e2e/**', '**/*.config.*'],
    rules: { 'no-console': 'off' },
  },
  // Last: turns off the stylistic rules Prettier owns (npm run format).
  prettierConfig,
);
