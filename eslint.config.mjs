// Flat config. Boundaries are enforced, not just tagged (STYLE.md): Nx tags decide which
// project may import which; the pure libs additionally lose ambient IO, time and randomness.
import nx from '@nx/eslint-plugin'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'
import { builtinModules } from 'node:module'
import { existsSync, readdirSync } from 'node:fs'

const nodeBuiltins = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
]

// Web features never import each other (bulletproof-react): shared code goes to src/lib,
// composition happens in src/app. One block per feature, listing every other feature.
const featuresDir = new URL('./apps/web/src/features', import.meta.url)
const webFeatures = existsSync(featuresDir)
  ? readdirSync(featuresDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : []
const featureIsolation = webFeatures.map((feature) => ({
  files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: webFeatures
          .filter((other) => other !== feature)
          .map((other) => ({
            group: [
              `**/features/${other}`,
              `**/features/${other}/**`,
              `../../${other}`,
              `../../${other}/**`,
            ],
            message: `Feature "${feature}" may not import feature "${other}": move shared code to src/lib or src/components, or compose in src/app.`,
          })),
      },
    ],
  },
}))

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/out-tsc/**',
      '**/.data/**',
      '**/test-results/**',
      '**/playwright-report/**',
      '**/vite.config.*.timestamp*',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:pure', onlyDependOnLibsWithTags: ['type:pure'] },
            {
              sourceTag: 'type:io',
              onlyDependOnLibsWithTags: ['type:pure', 'type:io'],
            },
            // Tools may build on each other (the benchmarks use the demo generator).
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:pure', 'type:io', 'type:tool'],
            },
            // The server seeds the demo on first start, so it may use the demo-data tool.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:pure', 'type:io', 'type:tool'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:pure'] },
          ],
        },
      ],
      // With noUncheckedIndexedAccess, `a[i]!` on typed arrays in hot loops is the idiom.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Pure libs: no IO, no clocks, no unseeded randomness, no Node or DOM APIs.
    files: [
      'libs/domain/src/**/*.ts',
      'libs/engine/src/**/*.ts',
      'libs/geo/src/**/*.ts',
    ],
    ignores: ['**/*.test.ts', '**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Pure libs do no IO: inject it.',
          })),
          patterns: [
            {
              group: ['@tessera/db', '@tessera/collab', '@tessera/api'],
              message: 'Pure libs never import io libs.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'setTimeout',
          'setInterval',
          'setImmediate',
          'queueMicrotask',
          'fetch',
          'XMLHttpRequest',
          'WebSocket',
          'window',
          'document',
          'navigator',
          'localStorage',
          'process',
          'require',
          'performance',
          'crypto',
        ].map((name) => ({
          name,
          message: `Pure libs may not use ${name}: pass time, seeds and IO in.`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the time in.' },
        {
          object: 'Math',
          property: 'random',
          message: 'Use createRng(seed) from @tessera/domain.',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Pass the time in.',
        },
      ],
    },
  },
  {
    // The web app may use the API's types, never its runtime (it would bundle the server).
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tessera/api',
              allowTypeImports: true,
              message: 'Import only types from the API.',
            },
            {
              name: '@tessera/db',
              allowTypeImports: true,
              message: 'The browser has no database.',
            },
          ],
        },
      ],
    },
  },
  ...featureIsolation,
  prettier,
]
