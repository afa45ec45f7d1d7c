import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; bin: Record<string, string> };

function awb(...args: string[]) {
  const result = spawnSync(process.execPath, ['electron/cli/awb.mjs', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

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
    expect(readFileSync(pkg.bin.awb, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
