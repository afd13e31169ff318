// The layers of CareCover, enforced: `npm test` runs this (npm run lint), and
// test/lint/layers.test.ts checks that each rule fails a deliberate violation.
// Only the architecture is linted here; style is left to the type checker and review.
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_OR_NATIVE = ['electron', 'electron/*', 'better-sqlite3'];
// Libraries that need a DOM: the renderer's, never shared/'s.
const DOM_LIBRARIES = ['react', 'react-dom', 'react-dom/*', 'leaflet', 'react-leaflet'];

const banned = (names, message) => names.map((name) => ({ group: [name], message }));

/** A call that runs SQL: db.prepare(…), db.pragma(…), or db.exec with SQL text (a RegExp's exec takes no literal). */
const SQL_CALLS = [
  { selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]", message: 'SQL lives in electron/store/: add a function there and call it.' },
  { selector: "CallExpression[callee.property.name='exec'][callee.object.type!='Literal'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: 'SQL lives in electron/store/: add a function there and call it.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.electron-native/**', 'test-results/**'] },
  {
    files: ['electron/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // No circles: a module and what it imports form a tree, so each can be read (and tested) from the bottom up.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // One direction: shared/ knows neither side; the renderer knows only shared/; the main process never imports the UI.
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            { target: './shared', from: './electron', message: 'shared/ is pure TypeScript for both sides: it may not import the main process.' },
            { target: './shared', from: './renderer', message: 'shared/ is pure TypeScript for both sides: it may not import the UI.' },
            { target: './renderer', from: './electron', message: 'The renderer talks to the main process only through the typed API (shared/api/).' },
            { target: './renderer', from: ['./data', './scripts', './bench', './test'], message: 'The renderer imports only shared/ and its own files.' },
            { target: './shared', from: ['./data', './scripts', './bench', './test'], message: 'shared/ imports only its own files.' },
            { target: './electron', from: './renderer', message: 'The main process does not import the UI.' },
          ],
        },
      ],
      // Only the store opens SQLite.
      'no-restricted-imports': ['error', { patterns: banned(['better-sqlite3'], 'Only electron/store/ opens SQLite: add a store function and call it.') }],
      'no-restricted-syntax': ['error', ...SQL_CALLS],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-nodejs-modules': ['error'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...banned(NODE_OR_NATIVE, 'shared/ runs on both sides: no Electron or SQLite.'),
            ...banned(DOM_LIBRARIES, 'shared/ runs on both sides: no library that needs a DOM.'),
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // Hooks called in the same order every render, and every effect and callback naming what it
      // reads (a parent's callback that must not re-run an effect is read through useLatest).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-nodejs-modules': ['error'],
      'no-restricted-imports': ['error', { patterns: banned(NODE_OR_NATIVE, 'The renderer touches no Node, files or SQL: call the typed API.') }],
    },
  },
  {
    // The store is where SQL belongs.
    files: ['electron/store/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
);
