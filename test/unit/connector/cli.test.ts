import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awb } from '../../helpers/awb';
import { tempDir } from '../../helpers/temp-dir';
import { SHAPES } from './shapes';

const connector = (...args: string[]) => awb('connector', ...args);

const dir = tempDir('awb-connector-cli-');
afterAll(() => dir.remove());

function file(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

const good = file('good.yaml', SHAPES['IRSA + cross-account']!);
const warned = file('warned.yaml', SHAPES['IRSA + cross-account']!.replace('arn:aws:', 'arn:aws-us-gov:'));
const bad = file('bad.yaml', SHAPES.OIDC!.replace('type: OidcAuthentication', 'type: AccessKey'));

describe('awb connector id', () => {
  it.each([
    ['My AWS-Conn (prod)', 'My_AWSConn_prod'],
    ['  aws  gov.cloud ', 'aws_govcloud'],
    ['Ünïcode conn', 'ncode_conn'],
  ])('%j prints %s', (name, id) => expect(connector('id', name)).toMatchObject({ code: 0, stdout: `${id}\n`, stderr: '' }));

  it('prints the Id and exits 1 with the reason when Harness would refuse it', () => {
    expect(connector('id', 'account')).toMatchObject({
      code: 1,
      stdout: 'account\n',
      stderr: expect.stringContaining('account is a keyword, so cannot be used'),
    });
    expect(connector('id', '123')).toMatchObject({ code: 1, stdout: '\n', stderr: expect.stringContaining('Id is required.') });
  });

  it('needs exactly one name', () => {
    expect(connector('id').code).toBe(2);
    expect(connector('id', 'a', 'b')).toMatchObject({ code: 2, stderr: expect.stringContaining('quote it') });
  });
});

describe('awb connector validate', () => {
  it('exits 0 when every file is valid, listing warnings', () => {
    const result = connector('validate', good, warned);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${good}: valid\n`);
    expect(result.stdout).toContain(`${warned}:9:7: warning: connector.spec.credential.region: The Test Region us-east-1 is in aws`);
    expect(result.stdout).toContain(`${warned}: valid (1 warning)`);
    expect(result.stdout).toMatch(/2 files: 2 valid, 0 not valid\n$/);
  });

  it('exits 1 when any file is not valid, with file:line:column and Harness wording', () => {
    const result = connector('validate', good, bad);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${bad}:7:7: error: connector.spec.credential.type: Credential type is not one of the accepted values: ManualConfig, InheritFromDelegate, Irsa, OidcAuthentication.\n`,
    );
  });

  it('prints the JSON shape the issue defines', () => {
    const result = connector('validate', '--json', bad, warned);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      files: [
        {
          file: bad,
          valid: false,
          errors: [
            {
              path: 'connector.spec.credential.type',
              message: 'Credential type is not one of the accepted values: ManualConfig, InheritFromDelegate, Irsa, OidcAuthentication.',
              line: 7,
              column: 7,
            },
          ],
          warnings: [],
        },
        {
          file: warned,
          valid: true,
          errors: [],
          warnings: [
            {
              path: 'connector.spec.credential.region',
              message: expect.stringContaining('pick a Test Region in aws-us-gov'),
              line: 9,
              column: 7,
            },
          ],
        },
      ],
    });
  });

  it('exits 1 for a secret pasted into a plain field, naming the field and never printing the secret', () => {
    // Made-up key material (random bytes, base64).
    const secret = 'jgOR9aQn7OdOBpRilDU0fnJmRIduC10bOKX+CDIH';
    const token = 'FwoGZXIvYXdzECANARYSESSIONTOKEN0002';
    const leaky = file(
      'leaky.yaml',
      SHAPES['IRSA + cross-account']!.replace(
        '  identifier: eks_irsa\n',
        `  identifier: eks_irsa\n  description: current key ${secret}\n  tags:\n    token: ${token}\n`,
      ),
    );
    const result = connector('validate', leaky);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${leaky}:4:3: error: connector.description: This looks like a secret access key. Secrets must not be stored in plain fields: put it in the keychain and reference it with secretKeyRef.\n`,
    );
    expect(result.stdout).toContain(`${leaky}:6:5: error: connector.tags.token: This looks like an AWS session token.`);
    const json = connector('validate', '--json', leaky);
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as { files: Array<{ errors: Array<{ path: string }> }> }).files[0]!.errors.map((e) => e.path)).toEqual([
      'connector.description',
      'connector.tags.token',
    ]);
    for (const output of [result, json]) {
      expect(output.stdout + output.stderr).not.toContain(secret);
      expect(output.stdout + output.stderr).not.toContain(token);
    }
  });

  it('exits 2 when a file cannot be read, still checking the others', () => {
    const missing = join(dir.path, 'missing.yaml');
    const result = connector('validate', '--json', good, missing, dir.path);
    expect(result.code).toBe(2);
    const files = (JSON.parse(result.stdout) as { files: Array<{ file: string; valid: boolean; errors: Array<{ message: string }> }> })
      .files;
    expect(files.map((f) => [f.file, f.valid, f.errors[0]?.message])).toEqual([
      [good, true, undefined],
      [missing, false, 'The file does not exist.'],
      [dir.path, false, 'This is a folder, not a file.'],
    ]);
  });

  it('is a usage error without files or with an unknown flag', () => {
    expect(connector('validate').code).toBe(2);
    expect(connector('validate', '--yaml', good).code).toBe(2);
    expect(connector('frob').code).toBe(2);
  });
});
