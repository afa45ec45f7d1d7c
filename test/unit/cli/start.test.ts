import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const installed = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
if (installed) console.warn('SKIPPED: npm start message test: an Electron runtime is installed here, so npm start would open the app');

describe.skipIf(installed)('npm start without an Electron runtime', () => {
  it('explains in one line, without a stack trace, and exits 1', () => {
    // The mirror points at a closed local port, so the first-start download fails at once and sends nothing out.
    const result = spawnSync(process.execPath, ['electron/main/start.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_GET_USE_PROXY: '' },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^awb: the Electron runtime could not be downloaded .*npm run cli -- --help/);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
  });
});
