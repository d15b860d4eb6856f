import type { Command } from '../command';
import { auditCommand } from './audit';
import { beaconCommand } from './beacon';
import { channelCommand } from './channel';
import { configCommand } from './config';
import { dbCommand } from './db';
import { hubCommand } from './hub';
import { custodianCommand } from './custodian';
import { deviceCommand } from './device';
import { guardCommand } from './guard';
import { maskCommand } from './mask';
import { netcheckCommand } from './netcheck';
import { policyCommand } from './policy';
import { relayCommand } from './relay';
import { releaseCommand } from './release';
import { statusCommand } from './status';

/** Every `diwan` subcommand, in the order `diwan --help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [
  statusCommand,
  maskCommand,
  guardCommand,
  policyCommand,
  beaconCommand,
  netcheckCommand,
  configCommand,
  releaseCommand,
  deviceCommand,
  auditCommand,
  dbCommand,
  relayCommand,
  hubCommand,
  custodianCommand,
  channelCommand,
];
