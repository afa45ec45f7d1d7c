// Types only: the sandboxed preload bundles this file, and a value import of the contract would pull zod and every schema in.
import type { Api, Channel } from './contract';

/**
 * Builds `window.api` from the channel names, given the transport; the preload and the e2e bridge share it.
 * The names are a parameter so the preload can pass a list generated at build time instead of the contract.
 */
export function buildApi(
  names: readonly Channel[],
  invoke: (channel: Channel, args: unknown) => Promise<unknown>,
  subscribe: (channel: Channel, listener: (event: unknown) => void) => () => void,
): Api {
  const api: Record<string, unknown> = {};
  for (const name of names) {
    const [namespace, method] = name.split('.') as [string, string];
    const group = (api[namespace] ??= {}) as Record<string, unknown>;
    group[method] = (args?: unknown) => invoke(name, args);
  }
  api.onProgress = (channel: Channel, listener: (event: unknown) => void) => subscribe(channel, listener);
  return api as Api;
}
