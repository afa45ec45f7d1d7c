import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Source files of a folder, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mts|mjs|svelte)$/.test(file))
    .map((file) => join(dir, file));
}

/** Ways of getting a database or a service without the composition root. */
const BYPASSES = [
  /\bopenDatabase\(/,
  /\bopenOrRecoverDatabase\(/,
  /\bnew Database\(/,
  /\bnew HistoryService\(/,
  /\bnew ConnectorService\(/,
  /\bnew AwsTestService\(/,
  /\bcreateAppContext\b/,
];

/**
 * The root itself, the module that knows how to open the file, and the one test helper that opens a
 * second connection beside the app's to write fixture rows (runs spread over days, 100k at once).
 */
const ALLOWED = new Set(['electron/app/services.ts', 'electron/services/history/database.ts', 'test/helpers/history-file.ts']);

describe('one composition root', () => {
  // The services' own integration tests build a service from real parts on purpose; what must go
  // through the root is every process entry point: the window, the CLI, the e2e bridge and the helpers.
  const files = [...sources('electron'), ...sources('test/helpers'), ...sources('test/e2e')].filter((file) => !ALLOWED.has(file));

  it('covers the tree it is meant to', () => {
    expect(files).toEqual(expect.arrayContaining(['electron/main/index.ts', 'electron/cli/context.ts', 'test/e2e/harness.ts']));
  });

  it('is the only place that opens the database or builds a service', () => {
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return BYPASSES.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern.source}`);
    });
    expect(offenders).toEqual([]);
  });

  it('keeps Electron out of the root, the services and the CLI, and IPC out of the services', () => {
    const electronImport = /from ['"]electron['"]|import\(['"]electron['"]\)|require\(['"]electron['"]\)/;
    const nodeOnly = [...sources('electron/app'), ...sources('electron/services'), ...sources('electron/cli')];
    expect(nodeOnly.filter((file) => electronImport.test(readFileSync(file, 'utf8')))).toEqual([]);
    const ipcImport = /from ['"][./]*shared\/ipc\//;
    expect(sources('electron/services').filter((file) => ipcImport.test(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
