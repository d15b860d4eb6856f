import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The masking benches' command line: `--name value` options and bare `--flag`s, paths relative to the repository. */
export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const argv = process.argv.slice(2);
export const opt = (k: string): string | undefined => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
