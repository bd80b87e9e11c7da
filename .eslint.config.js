// ESLint flat config (a dotfile: the repository's top level is kept to the app's own files).
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages and folders the pure numeric realms must never import. */
const appOnly = ['react', 'react-dom', 'react-dom/*', 'd3', 'd3-*', 'zustand', 'zustand/*'];
const layer = (names) => names.flatMap((n) => [`../${n}`, `../${n}/*`, `../../${n}/*`]);
/** The rule that forbids importing `patterns`. */
const forbid = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'artifacts', 'public', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.json',
          './src/tsconfig.node.json',
          './src/worker/tsconfig.json',
          './src/core/tsconfig.json',
          './src/engine/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // No module may reach itself through its imports (type-only imports aside: they vanish at run
    // time). A cycle makes load order, and so what a module sees of another at start, an accident.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The numeric core: tfjs-core and itself, nothing of the app, the DOM or a host.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: forbid(
      ...appOnly,
      '@tensorflow/tfjs',
      ...layer([
        'engine',
        'protocol',
        'presets',
        'worker',
        'client',
        'store',
        'views',
        'cli',
        'bench',
      ]),
    ),
  },
  {
    // The engine and the protocol: pure, Node-runnable; they may use the core, never a host or the UI.
    files: ['src/engine/**/*.ts', 'src/protocol/**/*.ts'],
    rules: forbid(...appOnly, ...layer(['worker', 'client', 'store', 'views', 'cli', 'bench'])),
  },
  {
    // ...nor the presets: the protocol is the presets' vocabulary, and the link codec is handed
    // the catalog by its caller (src/protocol/catalog.ts). Its tests may use them as fixtures.
    files: ['src/engine/**/*.ts', 'src/protocol/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid(
      ...appOnly,
      ...layer(['presets', 'worker', 'client', 'store', 'views', 'cli', 'bench']),
    ),
  },
  {
    // The presets and studies: data written in the protocol's vocabulary (partial specs completed
    // by src/protocol/completeSpec.ts), so the page may import them; nothing of the core, the
    // engine, a host or the UI.
    files: ['src/presets/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid(
      ...appOnly,
      '@tensorflow/*',
      ...layer(['core', 'engine', 'worker', 'client', 'store', 'views', 'cli', 'bench']),
    ),
  },
  {
    // Views talk to the store; only the store's bridge talks to the client. The page reaches the
    // spec's vocabulary through protocol (protocol/specVocabulary.ts), never src/core.
    files: ['src/views/**/*.ts', 'src/views/**/*.tsx', 'src/store/**/*.ts', 'src/client/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: forbid('@tensorflow/*', ...layer(['worker', 'engine', 'core'])),
  },
  {
    files: [
      'src/cli/**',
      'src/bench/**',
      'src/e2e/**',
      'src/build/**',
      '**/*.test.ts',
      '*.config.ts',
      '.eslint.config.js',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['.eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
