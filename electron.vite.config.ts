import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { channelNames } from './shared/ipc/contract';
import { contentSecurityPolicy } from './shared/security/csp';

/** Writes the CSP into index.html: the strict policy for builds, the dev-server variant for `electron-vite dev`. */
function cspMeta(): Plugin {
  let mode: 'production' | 'development' = 'production';
  return {
    name: 'awb-csp-meta',
    configResolved(config) {
      mode = config.command === 'serve' ? 'development' : 'production';
    },
    transformIndexHtml(html) {
      const policy = contentSecurityPolicy(mode);
      return html.replace('%CSP%', policy);
    },
  };
}

/**
 * Serves the contract's channel names to the preload as a plain array, computed here at build time, so the
 * sandboxed bundle carries strings rather than zod and every schema.
 */
function channelNamesModule(): Plugin {
  const id = 'virtual:awb-channel-names';
  const resolvedId = `\0${id}`;
  return {
    name: 'awb-channel-names',
    resolveId: (source) => (source === id ? resolvedId : undefined),
    load: (loaded) => (loaded === resolvedId ? `export default ${JSON.stringify(channelNames)};` : undefined),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    plugins: [channelNamesModule()],
    build: {
      outDir: 'out/preload',
      // A sandboxed preload may require nothing but `electron`, so everything else is bundled into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [svelte({ configFile: resolve('svelte.config.js') }), cspMeta()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves minification off; the window loads this bundle at every start.
      minify: true,
      // Fonts and images stay files: the CSP allows data: only for images.
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
