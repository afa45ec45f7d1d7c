import type { Command } from '../command';
import { connectorCommand } from './connector';
import { delegateCommand } from './delegate';
import { doctorCommand } from './doctor';
import { historyCommand } from './history';
import { infoCommand } from './info';
import { policyCommand } from './policy';
import { sweepCommand } from './sweep';
import { testCommand } from './test';

/** Every `awb` command. A capability adds its command file and one entry here. */
export const commands: readonly Command[] = [
  infoCommand,
  connectorCommand,
  delegateCommand,
  doctorCommand,
  policyCommand,
  testCommand,
  sweepCommand,
  historyCommand,
];
