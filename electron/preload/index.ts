import { contextBridge, ipcRenderer } from 'electron';
import channelNames from 'virtual:awb-channel-names';
import { buildApi } from '../../shared/ipc/api';
import { PROGRESS_EVENT, type ProgressMessage } from '../../shared/ipc/events';

// The page gets `window.api` (one function per contract channel) and nothing else: never ipcRenderer itself.
const api = buildApi(
  channelNames,
  (channel, args) => ipcRenderer.invoke(channel, args),
  (channel, listener) => {
    const handler = (_event: unknown, message: ProgressMessage) => {
      if (message.channel === channel) listener(message.event);
    };
    ipcRenderer.on(PROGRESS_EVENT, handler);
    return () => ipcRenderer.removeListener(PROGRESS_EVENT, handler);
  },
);

contextBridge.exposeInMainWorld('api', api);
