// Lint for the whole repository (`npm run lint`): typescript-eslint's recommended rules
// with type information where promises matter, and Temporal's restrictions on workflow
// code. The layer rules themselves are in .dependency-cruiser.cjs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// What Temporal's samples forbid in workflow files: they are replayed in a sandbox, so
// no I/O, no Node built-ins, no database, no Nest, no clock or randomness of their own.
const WORKFLOW_IMPORTS = {
  patterns: [
    {
      group: [
        'node:*',
        'fs',
        'fs/*',
        'path',
        'os',
        'crypto',
        'child_process',
        'http',
        'https',
        'net',
        'dns',
        'stream',
        'events',
        'util',
        'timers',
        'worker_threads',
      ],
      message: 'Workflow code is deterministic: no Node built-ins.',
    },
    { group: ['@prisma/*', 'prisma', '**/prisma/**', '**/persistence/**', '**/persistence'], message: 'Workflows reach the database only through activities.' },
    { group: ['@nestjs/*', '**/apps/**', '**/platform/**'], message: 'Workflows know nothing of the processes that host them.' },
    {
      group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
      message: 'Workflow code uses @temporalio/workflow (and @temporalio/common) only.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'node_modules/**',
      'prisma/generated/**',
      'data/**',
      'test/artifacts/**',
      'coverage/**',
      '**/*.d.ts',
      '**/*.cjs',
      '**/*.js',
      '**/*.mjs',
      '**/*.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // TypeScript's noUnusedLocals covers it, and this rule misreads values used only in parameter decorators.
      'no-useless-assignment': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='console'][callee.property.name='log']",
          message: 'Use the logger (platform/logger.ts), not console.log.',
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', WORKFLOW_IMPORTS],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the workflow-safe random of @temporalio/workflow (uuid4) instead.' },
      ],
    },
  },
  {
    files: ['domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', '@prisma/*', '@nestjs/*', '@temporalio/*'], message: 'domain/ is pure: it runs in workflows and in the browser alike.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The classic rules of hooks: the app does not use the React Compiler, whose extra rules v7's preset adds.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests and scripts print and may reach for anything.
    files: [
      'test/**/*.ts',
      '**/*.spec.ts',
      'apps/standalone/**/*.ts',
      'apps/bench/**/*.ts',
      'prisma/**/*.ts',
      'apps/api/src/openapi-export.ts',
      'apps/worker/src/bundle-workflows.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
