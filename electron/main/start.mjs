// `npm start`: builds the app and opens it in Electron, or says in one line why it cannot.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronInstalled() {
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
}

// Electron fetches its runtime on first use; do that quietly so a failure is one clear line, not a stack trace.
if (!electronInstalled()) {
  process.stdout.write('Downloading the Electron runtime (first start only)…\n');
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore' });
}
if (!electronInstalled()) {
  console.error(
    'awb: the Electron runtime could not be downloaded (it comes from github.com and this machine cannot reach it); run `npm start` on a machine with internet access, or use the CLI: `npm run cli -- --help`.',
  );
  process.exit(1);
}

const child = spawn(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 1));
