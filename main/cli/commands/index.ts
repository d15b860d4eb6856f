import type { Command } from '../command';
import { configCommand } from './config';
import { maskCommand } from './mask';
import { releaseCommand } from './release';
import { statusCommand } from './status';

/** Every `diwan` subcommand, in the order `diwan --help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [
  statusCommand,
  maskCommand,
  configCommand,
  releaseCommand,
];
