import nx from '@nx/eslint-plugin';

/**
 * Module boundaries (see ../shared/STYLE.md). Every project carries three tags:
 *   scope:<context>|shared|web   which bounded context it belongs to
 *   type:app|feature|ui|data-access|domain|util|contracts   its layer
 *   platform:node|web|any   where it may run
 * A context may import another context's contracts and nothing else of it; web code never imports
 * node code; contracts stay pure TypeScript; livekit-server-sdk lives only in meetings.
 * tools/lint/module-boundaries.spec.ts proves that each rule fails the lint when broken.
 */
const CONTEXTS = ['identity', 'meetings', 'chat', 'recording', 'analytics'];
const SERVER_ONLY = ['@nestjs/*', 'typeorm', 'pg', 'ioredis', 'fastify', '@fastify/*', 'pino', 'prom-client', '@livekit/rtc-node', 'livekit-server-sdk', 'socket.io', '@socket.io/*'];
const BROWSER_ONLY = ['@angular/*', 'livekit-client', 'zone.js'];

const scopeRules = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared', 'type:contracts'] },
  ...CONTEXTS.map((context) => ({
    sourceTag: `scope:${context}`,
    onlyDependOnLibsWithTags: [`scope:${context}`, 'scope:shared', 'type:contracts'],
  })),
];

const typeRules = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:ui', 'type:data-access', 'type:domain', 'type:util', 'type:contracts'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:ui', 'type:data-access', 'type:domain', 'type:util', 'type:contracts'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:contracts'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:contracts'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:contracts'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:contracts'],
    bannedExternalImports: [...SERVER_ONLY, ...BROWSER_ONLY, 'class-validator', 'class-transformer', 'rxjs'],
  },
];

const platformRules = [
  { sourceTag: 'platform:any', onlyDependOnLibsWithTags: ['platform:any'], bannedExternalImports: [...SERVER_ONLY, ...BROWSER_ONLY] },
  { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:web', 'platform:any'], bannedExternalImports: SERVER_ONLY },
  { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:node', 'platform:any'], bannedExternalImports: BROWSER_ONLY },
];

// Tokens and room control live in meetings; everyone else asks meetings over the bus.
const liveKitServerRules = ['shared', 'web', ...CONTEXTS.filter((c) => c !== 'meetings')].map((scope) => ({
  sourceTag: `scope:${scope}`,
  bannedExternalImports: ['livekit-server-sdk'],
}));

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/.angular', '.confer/**', 'tmp/**'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [...scopeRules, ...typeRules, ...platformRules, ...liveKitServerRules],
        },
      ],
    },
  },
];
