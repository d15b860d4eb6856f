import type { Command } from '../command';
import { beaconCommand } from './beacon';
import { netcheckCommand } from './netcheck';
import { policyCommand } from './policy';
import { statusCommand } from './status';

/** Every `diwan` subcommand, in the order `diwan --help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [statusCommand, policyCommand, beaconCommand, netcheckCommand];
