#!/usr/bin/env node
// The `awb` launcher: runs the bundle in out/cli/ under plain Node. Beside its sources (a checkout) it first
// rebuilds the bundle when any file the last build read has changed since; an installed package has no
// sources and just runs the bundle that `npm pack` put in it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** One stat per source file the last build read (about a hundred): a millisecond or two, so every start can afford it. */
function bundleIsStale() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(root, 'out/cli/inputs.json'), 'utf8'));
  } catch {
    return true;
  }
  return Object.entries(stamp.inputs).some(([input, mtimeMs]) => {
    const stat = statSync(join(root, input), { throwIfNoEntry: false });
    return stat?.mtimeMs !== mtimeMs || mtimeMs > stamp.builtAt;
  });
}

if (existsSync(join(root, 'electron/cli/entry.ts')) && bundleIsStale()) {
  const { buildCli } = await import('./build.mjs');
  try {
    await buildCli();
  } catch (error) {
    // esbuild has already printed its errors with their source lines; anything else (say, out/ not writable) is told here.
    process.stderr.write(`awb: the CLI could not be built${error.errors ? '' : ` (${error.message})`}.\n`);
    process.exit(1);
  }
}
// V8 keeps the compiled bundle and SDK between runs (in the OS temp folder): about a fifth off every start.
enableCompileCache();
await import(pathToFileURL(join(root, 'out/cli/awb.js')).href);
