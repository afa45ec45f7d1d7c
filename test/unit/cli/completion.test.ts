import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands';
import { awb } from '../../helpers/awb';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir('awb-completion-');
afterAll(() => dir.remove());

function script(shell: string): string {
  const result = awb('completion', shell);
  expect(result.code, result.stderr).toBe(0);
  const path = join(dir.path, `awb.${shell}`);
  writeFileSync(path, result.stdout);
  return path;
}

const bashScript = script('bash');

/** What real bash offers after `words` (the last one is the word being completed). */
function bashComplete(...words: string[]): string[] {
  const line = ['awb', ...words];
  const program = [
    `source ${JSON.stringify(bashScript)}`,
    `COMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${line.length - 1}`,
    '_awb',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const result = spawnSync('bash', ['-c', program], { encoding: 'utf8', cwd: dir.path });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split('\n').filter(Boolean);
}

const hasShell = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

describe('awb completion', () => {
  it('bash: commands, sub-commands, flags and their values', () => {
    expect(bashComplete('')).toEqual(expect.arrayContaining(commands.map((c) => c.name)));
    expect(bashComplete('hi')).toEqual(['history']);
    expect(bashComplete('delegate', '')).toEqual(['irsa', 'pod-identity', 'trust-policy']);
    expect(bashComplete('policy', '--use')).toEqual(['--use-case']);
    expect(bashComplete('policy', '--use-case', 's3')).toEqual(['s3-read', 's3-write']);
    expect(bashComplete('completion', '')).toEqual(['bash', 'zsh', 'fish']);
    writeFileSync(join(dir.path, 'connector.yaml'), '');
    expect(bashComplete('test', '--connector', 'conn')).toEqual(['connector.yaml']);
  });

  it('bash offers every flag of every command and sub-command, from the same definitions parsing uses', () => {
    for (const command of commands) {
      const levels = command.subcommands ? Object.entries(command.subcommands) : [[null, command.flags ?? {}] as const];
      for (const [sub, flags] of levels) {
        const offered = bashComplete(...[command.name, ...(sub ? [sub] : []), '--']);
        expect(offered, `${command.name} ${sub ?? ''}`).toEqual(
          expect.arrayContaining([...Object.keys(flags).map((f) => `--${f}`), '--help']),
        );
      }
    }
  });

  it('zsh and fish scripts are valid for their shells', () => {
    for (const shell of ['zsh', 'fish']) {
      if (!hasShell(shell)) {
        console.warn(`SKIPPED ${shell} syntax check: ${shell} is not installed (apt-get install ${shell}).`);
        continue;
      }
      const path = script(shell);
      const check = spawnSync(shell, shell === 'zsh' ? ['-n', path] : ['--no-execute', path], { encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
    }
  });

  it('zsh completes commands and flags in a real zsh', () => {
    if (!hasShell('zsh')) return void console.warn('SKIPPED zsh completion: zsh is not installed.');
    // compinit's own test harness is heavy; loading the script must define the function and register it.
    const program = `autoload -U compinit && compinit -u -D && source ${JSON.stringify(script('zsh'))} && print -r -- $_comps[awb]`;
    const result = spawnSync('zsh', ['-f', '-c', program], { encoding: 'utf8', env: { ...process.env, HOME: dir.path } });
    expect(result.stdout.trim(), result.stderr).toBe('_awb');
  });

  it('fish registers a completion for every command', () => {
    if (!hasShell('fish')) return void console.warn('SKIPPED fish completion: fish is not installed.');
    const path = script('fish');
    const result = spawnSync('fish', ['-c', `source ${path}; complete -C 'awb '`], {
      encoding: 'utf8',
      env: { ...process.env, HOME: dir.path },
    });
    const offered = result.stdout.split('\n').map((line) => line.split('\t')[0]);
    expect(offered, result.stderr).toEqual(expect.arrayContaining(commands.map((c) => c.name)));
  });

  it('an unknown shell is bad usage', () => {
    const result = awb('completion', 'powershell');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/name one shell: bash, zsh, fish/);
  });
});
