// Served by the awb-channel-names plugin in electron.vite.config.ts: the contract's channel names, computed at build time.
declare module 'virtual:awb-channel-names' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path; an import() type can.
  const channelNames: readonly import('../../shared/ipc/contract').Channel[];
  export default channelNames;
}
