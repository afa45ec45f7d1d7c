import type { Command } from '../command';
import { collectScriptCommand } from './collect-script';
import { completionCommand } from './completion';
import { connectorCommand } from './connector';
import { delegateCommand } from './delegate';
import { doctorCommand } from './doctor';
import { historyCommand } from './history';
import { infoCommand } from './info';
import { oidcCommand } from './oidc';
import { policyCommand } from './policy';
import { reportCommand } from './report';
import { sweepCommand } from './sweep';
import { testCommand } from './test';

/** Every `awb` command. A capability adds its command file and one entry here. */
const tools: readonly Command[] = [
  infoCommand,
  connectorCommand,
  delegateCommand,
  doctorCommand,
  collectScriptCommand,
  oidcCommand,
  policyCommand,
  testCommand,
  sweepCommand,
  historyCommand,
  reportCommand,
];

export const commands: readonly Command[] = [...tools, completionCommand(tools)];
