import { buildApi } from '../../../shared/ipc/api';
import { channelNames } from '../../../shared/ipc/contract';

/**
 * Runs in the page before the app's own script, and installs `window.api` with the same builder the
 * preload uses. The transport is a Playwright binding instead of Electron IPC; that is the only difference.
 */
interface BridgeWindow {
  __awbInvoke(channel: string, args: unknown): Promise<unknown>;
  __awbProgress?: (channel: string, event: unknown) => void;
}

const bridge = window as unknown as BridgeWindow & Record<string, unknown>;
const listeners = new Map<string, Set<(event: unknown) => void>>();

bridge.__awbProgress = (channel, event) => listeners.get(channel)?.forEach((listener) => listener(event));

const api = buildApi(
  channelNames,
  (channel, args) => bridge.__awbInvoke(channel, args),
  (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
);

Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
