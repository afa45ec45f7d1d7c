import type { AppErrorValue } from '../../../shared/errors';
import type { Api } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/define';

/** The main process, as the preload exposes it: one function per IPC channel. */
export const api: Api = window.api;

/** Turns a call's result into a value or a thrown error value, for code that prefers try/catch. */
export class CallFailed extends Error {
  constructor(readonly error: AppErrorValue) {
    super(error.message);
  }
}

export async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}
