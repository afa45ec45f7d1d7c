import type { Command } from '../command';

/** Every `awb` command. A capability adds its command file and one entry here. */
export const commands: readonly Command[] = [];
