import type { Api } from './contract';

/** `window.api` as the preload exposes it; typed once for the renderer and the end-to-end tests. */
declare global {
  interface Window {
    readonly api: Api;
  }
}
