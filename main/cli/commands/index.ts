import type { Command } from '../command';
import { auditCommand } from './audit';
import { deviceCommand } from './device';
import { statusCommand } from './status';

/** Every `diwan` subcommand, in the order `diwan --help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [statusCommand, deviceCommand, auditCommand];
