import type { Command } from '../command';
import { beaconCommand } from './beacon';
import { configCommand } from './config';
import { maskCommand } from './mask';
import { netcheckCommand } from './netcheck';
import { policyCommand } from './policy';
import { releaseCommand } from './release';
import { statusCommand } from './status';

/** Every `diwan` subcommand, in the order `diwan --help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [
  statusCommand,
  maskCommand,
  policyCommand,
  beaconCommand,
  netcheckCommand,
  configCommand,
  releaseCommand,
];
