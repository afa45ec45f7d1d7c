/** The one IPC event the main process sends to the window: progress of a long-running call. */
export const PROGRESS_EVENT = 'awb:progress';

export interface ProgressMessage {
  readonly channel: string;
  readonly event: unknown;
}
