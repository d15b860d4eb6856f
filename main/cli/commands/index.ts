import type { Command } from '../command';
import { dbCommand } from './db';
import { statusCommand } from './status';
import { maskCommand } from './mask';
import { relayCommand } from './relay';

/** Every `diwan` subcommand, in the order `diwan --help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [statusCommand, maskCommand, dbCommand, relayCommand];
