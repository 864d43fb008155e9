// Lint, and the layer rule of DESIGN.md: imports point down only.
//   app → components → lib/realtime → lib/api → lib/protocol;  mock-ws → lib/protocol;  e2e → anything but app/components.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import nextPlugin from '@next/eslint-plugin-next';
import prettierConfig from 'eslint-config-prettier';

const libLayer = (name) => ({
  regex: `^(@/lib/|(\\.\\./)+(lib/)?)${name}(/|$)`,
  message: `Layer rule (DESIGN.md): this folder may not import lib/${name}; imports point down only.`,
});
const topLayer = (name) => ({
  regex: `^(@/|(\\.\\./)+)${name}(/|$)`,
  message: `Layer rule (DESIGN.md): this folder may not import ${name}/; imports point down only.`,
});
const pkg = (name, why) => ({ regex: `^${name}(/|$)`, message: why });
const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

const NO_UI = [topLayer('app'), topLayer('components'), topLayer('e2e'), topLayer('mock-ws')];

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
  layer(['lib/api/**'], [libLayer('realtime'), ...NO_UI]),
  layer(['lib/realtime/**'], NO_UI),
  layer(
    ['lib/realtime/event-map.ts', 'lib/realtime/apply-event.ts', 'lib/realtime/normalize*.ts'],
    [
      ...NO_UI,
      pkg('react', 'The bridge core (map, apply) has no React: plain functions over a QueryClient.'),
      pkg('partysocket', 'Sockets live in lib/realtime/socket.ts only.'),
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
    files: ['mock-ws/**', 'scripts/**', 'bench/**', 'e2e/**', '**/*.config.*'],
    rules: { 'no-console': 'off' },
  },
  // Last: turns off the stylistic rules Prettier owns (npm run format).
  prettierConfig,
);
