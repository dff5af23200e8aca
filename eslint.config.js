import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'migrations/**',
      'test-artifacts/**',
      'bench/results/**',
      '.guanhu/**',
      'scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='parseFloat']",
          message: 'Money is integer fen: use parseYuan, never parseFloat.',
        },
      ],
    },
  },
  // Dependencies point down only (docs/architecture.md): cli and modules.ts → features → platform
  // → domain. The platform and the domain never import a feature or the composition root; the
  // domain is pure (no platform either); a feature uses another only through its api.ts.
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**', '**/modules.js', '**/cli/**', '**/synth/**'],
              message: 'platform/ must not import features, the module list, the CLI or the synthetic bank.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/features/**',
                '**/platform/**',
                '**/modules.js',
                '**/cli/**',
                '**/synth/**',
                'drizzle-orm*',
                'pg',
                'fastify*',
              ],
              message: 'domain/ holds pure bank rules: no features, platform, database or HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/**', '!../../**', '!../*/api.js', '**/modules.js', '**/cli/**'],
              message:
                "A feature does not import another feature's internals (only its api.ts), the module list or the CLI: move what two features share down into platform/ or domain/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The web shares the domain's enumerations and pure rules (bundled as they are) and knows the
      // API through its generated types; server code never reaches the browser.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/platform/**',
                '**/src/features/**',
                '**/src/synth/**',
                '**/src/cli/**',
                '**/src/modules*',
                '**/src/domain/settings*',
              ],
              message:
                'The web imports only pure files of src/domain (settings.ts brings zod: use the API) and the generated API types.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
