import type { Command } from '../command';
import { connectorCommand } from './connector';
import { delegateCommand } from './delegate';
import { infoCommand } from './info';

/** Every `awb` command. A capability adds its command file and one entry here. */
export const commands: readonly Command[] = [infoCommand, connectorCommand, delegateCommand];
