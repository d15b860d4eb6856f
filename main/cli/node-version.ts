/**
 * The oldest Node the CLI runs on; package.json's `engines.node` says the same (a unit test holds them together).
 * Older releases fail deep inside undici with a stack trace, so the entry checks first and says this in a sentence.
 */
export const REQUIRED_NODE = '22.12.0';

function parts(version: string): [number, number, number] | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** A sentence for the person at the terminal when `version` (as in `process.version`) is too old; null when it will do. */
export function nodeVersionProblem(version: string, required: string = REQUIRED_NODE): string | null {
  const have = parts(version);
  const need = parts(required)!;
  if (have) {
    for (let i = 0; i < 3; i++) {
      if (have[i]! > need[i]!) return null;
      if (have[i]! < need[i]!) break;
      if (i === 2) return null;
    }
  }
  return (
    `The diwan command needs Node.js ${required} or newer, but this is Node.js ${version || 'of an unknown version'}. ` +
    `Install Node.js 22 LTS (${required} or later) and run the command again.\n`
  );
}
