import type { Api } from '../../../shared/ipc/contract';

/** The main process, as the preload exposes it: one function per IPC channel. */
export const api: Api = window.api;
