import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layering lint rule', () => {
  it.each(['main/core/store/violation.ts', 'main/cli/violation.ts', 'main/hub/violation.ts'])(
    'refuses electron in %s',
    async (file) => {
      const found = await restrictedImports(file, "import { app } from 'electron';\nexport const x = app;\n");
      expect(found.join('\n')).toMatch(/Only main\/electron/);
    },
  );

  it('refuses main/electron reached from the core by a relative path', async () => {
    const found = await restrictedImports('main/core/app/violation.ts', "import { startShell } from '../../electron/app';\nexport const x = startShell;\n");
    expect(found).toHaveLength(1);
  });

  it('refuses the core importing an outer layer (ipc)', async () => {
    const found = await restrictedImports('main/core/app/violation.ts', "import { contract } from '../../ipc/contract';\nexport const x = contract;\n");
    expect(found.join('\n')).toMatch(/innermost layer/);
  });

  it('refuses the core importing the hub', async () => {
    const found = await restrictedImports('main/core/team/violation.ts', "import { startHubNode } from '../../hub';\nexport const x = startHubNode;\n");
    expect(found.join('\n')).toMatch(/innermost layer/);
  });

  it('refuses the hub importing the IPC layer', async () => {
    const found = await restrictedImports('main/hub/violation.ts', "import { contract } from '../ipc/contract';\nexport const x = contract;\n");
    expect(found.join('\n')).toMatch(/headless service/);
  });

  it('refuses the renderer importing main-process code', async () => {
    const found = await restrictedImports('renderer/src/violation.ts', "import { openCore } from '../../main/core/app';\nexport const x = openCore;\n");
    expect(found.join('\n')).toMatch(/never imports main-process code/);
  });

  it('refuses a value import of the contract in the renderer', async () => {
    const found = await restrictedImports('renderer/src/violation.ts', "import { contract } from '../../main/ipc/contract';\nexport const x = contract;\n");
    expect(found.join('\n')).toMatch(/types only/);
  });

  it('allows a value import of the shared vocabulary and the folding rule in the renderer, and nothing else of main/ipc', async () => {
    const vocabulary = await restrictedImports('renderer/src/fine.ts', "import { ROLES } from '../../main/ipc/vocabulary';\nexport const x = ROLES;\n");
    expect(vocabulary).toEqual([]);
    const fold = await restrictedImports('renderer/src/fine.ts', "import { foldText } from '../../main/ipc/text-fold';\nexport const x = foldText;\n");
    expect(fold).toEqual([]);
    const coreFold = await restrictedImports('renderer/src/violation.ts', "import { foldText } from '../../main/core/text/fold';\nexport const x = foldText;\n");
    expect(coreFold.join('\n')).toMatch(/never imports main-process code/);
    const beside = await restrictedImports('renderer/src/violation.ts', "import { ROLES } from '../../main/ipc/console-contract';\nexport const x = ROLES;\n");
    expect(beside.join('\n')).toMatch(/types only/);
    const core = await restrictedImports('renderer/src/violation.ts', "import { ROLES } from '../../main/core/shared/vocabulary';\nexport const x = ROLES;\n");
    expect(core.join('\n')).toMatch(/never imports main-process code/);
  });

  it('allows a type-only import of the contract in the renderer', async () => {
    const found = await restrictedImports(
      'renderer/src/fine.ts',
      "import type { Bridge } from '../../main/ipc/bridge';\nexport type X = Bridge;\n",
    );
    expect(found).toEqual([]);
  });

  it('allows electron in main/electron', async () => {
    const found = await restrictedImports('main/electron/fine.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(found).toEqual([]);
  });
});
