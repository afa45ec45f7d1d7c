import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { channelNames } from '../../../shared/ipc/contract';

/**
 * No test here can launch Electron, so the glue is checked by reading what the build produced
 * (`npm test` builds before it runs this file) and the packaging configuration.
 */
const read = (path: string) => {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first.`);
  return readFileSync(path, 'utf8');
};

describe('build output', () => {
  it('the preload is one CommonJS file that requires nothing but electron', () => {
    const preload = read('out/preload/index.cjs');
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*import\s|^\s*export\s/m);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/exposeInMainWorld\(\s*["']ipcRenderer/);
  });

  it('the preload carries the channel names only: small, no zod', () => {
    const preload = read('out/preload/index.cjs');
    expect(Buffer.byteLength(preload)).toBeLessThanOrEqual(10 * 1024);
    expect(preload).not.toMatch(/ZodError|_zod/);
  });

  // The names are generated when the preload is built, so a channel added to the contract since is missing here.
  it('the preload knows every channel of the contract', () => {
    const preload = read('out/preload/index.cjs');
    const missing = channelNames.filter((name) => !preload.includes(JSON.stringify(name)));
    expect(missing, 'rebuild the preload (npm run build)').toEqual([]);
  });

  it('the main process points the window at that preload and keeps native modules external', () => {
    const main = read('out/main/index.js');
    expect(main).toContain('../preload/index.cjs');
    expect(main).toMatch(/from ["']better-sqlite3["']/);
    expect(main).toMatch(/import\(["']keytar["']\)/);
    expect(main).not.toContain('node_modules/keytar/build');
  });

  it('the built page carries the strict CSP and loads only its own files', () => {
    const html = read('out/renderer/index.html');
    expect(html).toMatch(/http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self';/);
    expect(html).not.toMatch(/<script>(?!<)/);
    expect(html).not.toMatch(/src="https?:/);
  });
});

describe('packaging configuration', () => {
  const config = parse(read('electron-builder.yml')) as Record<string, unknown> & {
    electronFuses: Record<string, boolean>;
    linux: { target: unknown[] };
    mac: { target: unknown[] };
    win: { target: unknown[] };
    asarUnpack: string[];
  };

  it('builds AppImage and deb, dmg, and nsis inside an asar archive', () => {
    expect(config.asar).toBe(true);
    expect(JSON.stringify(config.linux.target)).toMatch(/AppImage/);
    expect(JSON.stringify(config.linux.target)).toMatch(/deb/);
    expect(JSON.stringify(config.mac.target)).toMatch(/dmg/);
    expect(JSON.stringify(config.win.target)).toMatch(/nsis/);
  });

  it('unpacks native modules from the archive', () => {
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
  });

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspect; asar only and verified', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
