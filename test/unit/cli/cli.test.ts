import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awb } from '../../helpers/awb';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; bin: Record<string, string> };

describe('awb command line', () => {
  it('--version prints the package version', () => {
    expect(awb('--version')).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect(awb('-v').stdout).toBe(`${pkg.version}\n`);
  });

  it('--help lists the commands and the exit codes', () => {
    const { code, stdout } = awb('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: awb <command>/);
    expect(stdout).toMatch(/Exit codes: 0 all passed, 1 a check failed, 2 bad usage/);
  });

  it('no arguments prints help and exits 2; an unknown command exits 2 with a hint', () => {
    expect(awb().code).toBe(2);
    const unknown = awb('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate".*--help/);
  });

  it('is the package bin, runnable under plain Node', () => {
    expect(pkg.bin.awb).toBe('electron/cli/awb.mjs');
    expect(readFileSync(pkg.bin.awb ?? '', 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});

describe('awb info', () => {
  it('opens the same database the app uses, in the folder it is given, and reports it as JSON', async () => {
    const { tempDir } = await import('../../helpers/temp-dir');
    const dir = tempDir('awb-cli-');
    try {
      const result = awb('info', '--json', '--data-dir', dir.path);
      expect(result.code).toBe(0);
      const info = JSON.parse(result.stdout) as {
        paths: { database: string };
        schemaVersion: number;
        keychain: { available: boolean; backend: string };
      };
      expect(info.paths.database).toBe(`${dir.path}/history.sqlite`);
      expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(info.keychain.backend).toBe('Secret Service (libsecret)');
    } finally {
      dir.remove();
    }
  });

  it('rejects an unknown flag with exit code 2 and the usage', () => {
    const result = awb('info', '--frob');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: awb info/);
  });
});
