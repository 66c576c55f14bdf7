import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

/** Lint config of every Angular project (apps/web, libs/web/*): the workspace rules plus Angular's. */
export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'cf', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'cf', style: 'kebab-case' }],
    },
  },
];
