import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

const exec = promisify(execFile);
const PACKAGE = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; dependencies: Record<string, string> };
const PASTED_LINE =
  'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.\n';

interface PackedFile {
  readonly path: string;
}

/**
 * What a user gets from `npm install -g` of the packed tarball: the prepared bundle and the launcher, with
 * the runtime dependencies from the registry (npm's cache after `npm ci`) and keytar built for this Node.
 * The installed `awb` has no sources beside it and no esbuild, so it runs only if the tarball is complete.
 */
// The bin shim on Windows is a .cmd file that needs a shell; CI and the check here are POSIX.
describe.skipIf(process.platform === 'win32')('the packed tarball installed globally', () => {
  const dir = tempDir('awb-pack-');
  const prefix = join(dir.path, 'prefix');
  const awb = (args: string[], input = '') => {
    const child = exec(join(prefix, 'bin', 'awb'), args, {
      cwd: dir.path,
      // The bin's `#!/usr/bin/env node` must find the Node that runs the tests.
      env: { ...process.env, PATH: `${join(process.execPath, '..')}:${process.env.PATH ?? ''}` },
    });
    child.child.stdin?.end(input);
    return child;
  };
  let files: string[] = [];

  beforeAll(async () => {
    // `npm pack` runs `prepare`, so the tarball holds a bundle built from these sources.
    const packed = await exec('npm', ['pack', '--json', '--pack-destination', dir.path], { maxBuffer: 16 * 1024 * 1024 });
    const [tarball] = JSON.parse(packed.stdout) as Array<{ filename: string; files: PackedFile[] }>;
    if (!tarball) throw new Error(`npm pack printed no tarball: ${packed.stdout}`);
    files = tarball.files.map((file) => file.path);
    await exec(
      'npm',
      ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(dir.path, tarball.filename)],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  }, 300_000);
  afterAll(() => dir.remove());

  it('holds the launcher, the bundle and the package files, and none of the sources or tests', () => {
    expect(files).toEqual(expect.arrayContaining(['electron/cli/awb.mjs', 'out/cli/awb.js', 'package.json', 'LICENSE', 'README.md']));
    // out/main is npm's own choice: it always packs the file `main` names when the app was built.
    expect(
      files.filter((file) => !/^(electron\/cli\/awb\.mjs|out\/(cli|main)\/[^/]+\.js(on)?|package\.json|LICENSE|README\.md)$/.test(file)),
    ).toEqual([]);
  });

  it('imports no package at run time that is not among its dependencies', () => {
    const bundleDir = join(prefix, 'lib', 'node_modules', 'aws-connector-workbench', 'out', 'cli');
    const code = readdirSync(bundleDir)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(bundleDir, file), 'utf8'))
      .join('\n');
    const specifiers = [...code.matchAll(/(?:\bfrom\s*|\bimport\(\s*|__require\(\s*)"([^"./][^"]*)"/g)].map((m) => m[1] ?? '');
    const packages = new Set(
      specifiers
        .filter((s) => !isBuiltin(s))
        .map((s) =>
          s
            .split('/')
            .slice(0, s.startsWith('@') ? 2 : 1)
            .join('/'),
        ),
    );
    expect([...packages].filter((name) => !Object.hasOwn(PACKAGE.dependencies, name))).toEqual([]);
    expect(packages.size).toBeGreaterThan(0);
  });

  it('awb --version prints the package version', async () => {
    const { stdout } = await awb(['--version']);
    expect(stdout).toBe(`${PACKAGE.version}\n`);
  });

  it('awb doctor - diagnoses a pasted error line from standard input', async () => {
    const { stdout } = await awb(['doctor', '-'], PASTED_LINE);
    expect(stdout).toContain('standard input: error_message');
    expect(stdout).toContain('(invalid_access_key_id,');
  });
});
