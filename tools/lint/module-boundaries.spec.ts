import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Proves that the module-boundary rules in eslint.config.mjs bite: each fixture is linted as if it
 * were a file of the named project, and a forbidden import must fail the lint. Nothing is written to
 * the tree. ESLint loads its ESM config, so it runs in a child process rather than inside Jest's VM.
 */
const root = join(__dirname, '..', '..');

const LINT_FIXTURES = `
import { ESLint } from 'eslint';
const fixtures = JSON.parse(process.env.FIXTURES);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, code } of fixtures) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [errors] = JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', LINT_FIXTURES], {
      cwd: root,
      env: { ...process.env, FIXTURES: JSON.stringify([{ filePath: join(root, filePath), code }]) },
      encoding: 'utf8',
    }),
  ) as string[][];
  return errors;
}

describe('module boundaries', () => {
  jest.setTimeout(60000);

  it('lets a context use another context’s contracts', async () => {
    expect(
      await boundaryErrors('apps/meetings/src/app/fixture.ts', "import { SERVICE_NAMES } from '@confer/identity/contracts';\nexport const x = SERVICE_NAMES;\n"),
    ).toEqual([]);
  });

  it('fails when contracts import server code', async () => {
    const errors = await boundaryErrors(
      'libs/chat/contracts/src/lib/fixture.ts',
      "import { EventPublisher } from '@confer/shared/server/events';\nexport const x = EventPublisher;\n",
    );
    expect(errors.join('\n')).toMatch(/type:contracts|platform:any/);
  });

  it('fails when contracts import Nest or TypeORM', async () => {
    const nest = await boundaryErrors('libs/identity/contracts/src/lib/fixture.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    const orm = await boundaryErrors('libs/identity/contracts/src/lib/fixture.ts', "import { Entity } from 'typeorm';\nexport const x = Entity;\n");
    expect(nest.join('\n')).toContain('@nestjs/common');
    expect(orm.join('\n')).toContain('typeorm');
  });

  it('fails when web code imports node code', async () => {
    const errors = await boundaryErrors(
      'libs/web/status/src/lib/fixture.ts',
      "import { loadConfig } from '@confer/shared/server/config';\nexport const x = loadConfig;\n",
    );
    expect(errors.join('\n')).toMatch(/platform:web|platform:node/);
  });

  it('fails when a context other than meetings imports livekit-server-sdk', async () => {
    const errors = await boundaryErrors('apps/chat/src/app/fixture.ts', "import { AccessToken } from 'livekit-server-sdk';\nexport const x = AccessToken;\n");
    expect(errors.join('\n')).toContain('livekit-server-sdk');
    expect(
      await boundaryErrors('apps/meetings/src/app/fixture.ts', "import { AccessToken } from 'livekit-server-sdk';\nexport const x = AccessToken;\n"),
    ).toEqual([]);
  });

  it('fails when shared code depends on a context', async () => {
    const errors = await boundaryErrors(
      'libs/shared/server/events/src/lib/fixture.ts',
      "import { SERVICE_NAMES } from '@confer/meetings/contracts';\nexport const x = SERVICE_NAMES;\n",
    );
    expect(errors.join('\n')).toContain('scope:shared');
  });
});
