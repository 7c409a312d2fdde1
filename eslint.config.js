import fs from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Module boundaries (docs/ARCHITECTURE.md): a domain module reads another only
// through that module's public reads (`<module>.public.ts`), never its tables,
// repositories or services; platform imports no domain module. Tables may
// reference another module's table (foreign keys); tests may reach further.
const DOMAIN_MODULES = fs
  .readdirSync(new URL('./src/server', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'platform')
  .map((d) => d.name);
const boundary = (module, allowed) => ({
  files: [`src/server/${module}/**/*.ts`],
  ignores: ['**/*.test.ts', '**/*.test-helper.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: DOMAIN_MODULES.filter((m) => m !== module).map((m) => ({
          regex: `^(\\.\\./)+${m}/(?!.*\\.(${allowed})\\.ts$)`,
          message: `Read the ${m} module through src/server/${m}/${m}.public.ts (docs/ARCHITECTURE.md, "Module boundaries").`,
        })),
      },
    ],
  },
});
const moduleBoundaries = [
  ...DOMAIN_MODULES.map((m) => boundary(m, 'public')),
  // A table's foreign key names the other module's table.
  ...DOMAIN_MODULES.map((m) => ({ ...boundary(m, 'public|table'), files: [`src/server/${m}/**/*.table.ts`] })),
  {
    files: ['src/server/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: `^(\\.\\./)+(${DOMAIN_MODULES.join('|')})/`, message: 'Platform imports no domain module: hand what it needs in through its deps (docs/ARCHITECTURE.md, "Module boundaries").' }] },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'artifacts/', 'scratch/', 'migrations/', '.test-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  // No file over 400 lines (CONTRIBUTING.md): a longer one holds more than one idea.
  { files: ['src/**/*.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts'], rules: { 'max-lines': ['error', { max: 400 }] } },
  ...moduleBoundaries,
  {
    files: ['test/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
