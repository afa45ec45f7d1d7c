import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app/handlers';
import { createRouter } from '../../../electron/app/ipc-router';
import { createTestContext } from '../../helpers/app-context';
import { awb } from '../../helpers/awb';
import { checkRequirement, keychainRequirement } from '../../helpers/requirements';
import { tempDir } from '../../helpers/temp-dir';

const available = checkRequirement('keychain', await keychainRequirement());
const context = available ? createTestContext() : null;
const dir = tempDir('awb-enum-echo-');
afterAll(async () => {
  await context?.dispose();
  dir.remove();
});

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9Qk3Lm2P';
const logs: string[] = [];
const router = context ? createRouter(createHandlers(context.ctx), { isAppUrl: () => true, log: (line) => logs.push(line) }) : null;
const sender = { url: 'app://awb/index.html', isTopFrame: true };

/** A valid connector with a secret typed into one field that only takes values from a list. */
function withSecretIn(field: 'credential type' | 'backoff type' | 'connector type'): Record<string, unknown> {
  return {
    connector: {
      name: 'echo',
      identifier: 'echo',
      type: field === 'connector type' ? SECRET : 'Aws',
      spec: {
        credential: { type: field === 'credential type' ? SECRET : 'InheritFromDelegate', spec: null },
        executeOnDelegate: true,
        awsSdkClientBackOffStrategyOverride: {
          type: field === 'backoff type' ? SECRET : 'FixedDelayBackoffStrategy',
          spec: { fixedBackoff: 0 },
        },
      },
    },
  };
}

const FIELDS = ['credential type', 'backoff type', 'connector type'] as const;

describe.skipIf(!available)('a secret typed into a field that takes values from a list is never echoed', () => {
  it.each(FIELDS)('%s: the IPC result and the log name the field and the accepted values, not the value', async (field) => {
    const result = await router!.invoke('connectors.save', { document: withSecretIn(field) }, sender);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(JSON.stringify(result)).not.toContain(SECRET.slice(0, 10));
    expect(logs.join('\n')).not.toContain(SECRET.slice(0, 10));
  });

  it.each(FIELDS)('%s: awb connector validate and awb test say what is wrong without the value', (field) => {
    const path = join(dir.path, `${field.replace(' ', '-')}.json`);
    writeFileSync(path, JSON.stringify(withSecretIn(field)));
    const validate = awb('connector', 'validate', path, '--json');
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/type/);
    const test = awb('test', '--connector', path, '--no-history');
    expect(test.code).toBe(2);
    for (const output of [validate.stdout, validate.stderr, test.stdout, test.stderr]) expect(output).not.toContain(SECRET.slice(0, 10));
  });

  it('an unknown key typed with a secret in its name is refused without repeating the key', async () => {
    const result = await router!.invoke('secrets.has', { ref: 'aws_sk', [SECRET]: true }, sender);
    expect(result).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    expect(JSON.stringify(result)).not.toContain(SECRET.slice(0, 10));
  });
});
