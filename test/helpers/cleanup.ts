/**
 * What the helpers undo when a test or a test file ends (closing servers, deleting keychain entries, removing
 * directories), run by test/setup.ts for every file. Registering each helper's own `afterEach` when it is first
 * imported would register it only in the first file a worker loads it for, which breaks once a worker keeps its
 * modules between files (`isolate: false`). The latest registered runs first, as with nested resources.
 */
const forTest: Array<() => unknown> = [];
const forFile: Array<() => unknown> = [];

/** Runs `undo` when the current test ends (or, registered in a `beforeAll`, when the file's first test ends). */
export function afterThisTest(undo: () => unknown): void {
  forTest.push(undo);
}

/** Runs `undo` when the current test file ends. */
export function afterThisFile(undo: () => unknown): void {
  forFile.push(undo);
}

export const runTestCleanups = () => runAll(forTest);
export const runFileCleanups = () => runAll(forFile);

async function runAll(list: Array<() => unknown>): Promise<void> {
  const failures: unknown[] = [];
  for (const undo of list.splice(0).reverse()) {
    try {
      await undo();
    } catch (e) {
      failures.push(e);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} clean-ups failed`);
}
