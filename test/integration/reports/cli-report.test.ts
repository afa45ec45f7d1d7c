import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/app/services';
import { parseReport } from '../../../shared/report/parse';
import type { Report } from '../../../shared/report/schema';
import { buildWorld } from '../../aws-endpoint';
import { awbIn } from '../../helpers/awb';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { CHROMIUM_PATH, checkRequirement, chromiumRequirement } from '../../helpers/requirements';
import { tempDir } from '../../helpers/temp-dir';
import { pdfText, seedRuns } from './helpers';

const world = buildWorld();
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const dir = tempDir('awb-cli-report-');
afterAll(() => dir.remove());
const chromium = checkRequirement('report PDF', chromiumRequirement());
const env = { AWS_EC2_METADATA_DISABLED: 'true', CHROMIUM_PATH };
const awb = (...args: string[]) => awbIn({ args, env });
const file = (name: string) => join(dir.path, name);
const readReport = (path: string): Report => {
  const parsed = parseReport(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.report;
};

describe('awb report export, import and render', () => {
  const db = file('history.sqlite');
  let ids: string[];

  beforeAll(() => {
    const services = createServices({
      appName: 'awb',
      appVersion: '0.1.0',
      dataDir: dir.path,
      databasePath: db,
      versions: { electron: '-', chrome: '-', node: '-', v8: '-' },
    });
    ids = seedRuns(services).map((r) => r.runId);
    services.close();
  });

  it('exports runs in the format of the file extension, or of --format, with the masks asked for', async () => {
    const exported = await awb('report', 'export', ...ids, '--out', file('runs.json'), '--mask-accounts', '--mask-names', '--db', db);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout).toMatch(/^Wrote .*runs\.json \(json, 2 runs, \d+ bytes\)\. .*account IDs masked consistently\.\n$/);
    const report = readReport(file('runs.json'));
    expect(report.redaction.options).toMatchObject({ accounts: true, names: true, hosts: false });
    expect(JSON.stringify(report)).not.toMatch(/\d{12}/);
    expect(await awb('report', 'export', ids[0]!, '--out', file('run.txt'), '--format', 'md', '--db', db)).toMatchObject({ code: 0 });
    expect(readFileSync(file('run.txt'), 'utf8')).toMatch(/^# Sweep of prod\\_aws\\_deploy/);
    expect(await awb('report', 'export', ids[0]!, '--out', file('run.html'), '--db', db)).toMatchObject({ code: 0 });
    expect(readFileSync(file('run.html'), 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('says what is wrong, with exit 2: an unknown run, a format it cannot tell, no sub-command', async () => {
    const unknown = await awb('report', 'export', 'nope', '--out', file('x.json'), '--db', db);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('1 of the 1 runs asked for is not in history.') });
    expect(await awb('report', 'export', ids[0]!, '--out', file('x.docx'), '--db', db)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('cannot tell the report format from x.docx'),
    });
    expect(await awb('report', 'export', ids[0]!, '--out', file('x.md'), '--format', 'rtf', '--db', db)).toMatchObject({ code: 2 });
    expect(await awb('report')).toMatchObject({ code: 2, stderr: expect.stringContaining('export, import or render') });
    expect(existsSync(file('x.json'))).toBe(false);
  });

  it('imports into another history under the same run ids, which awb history show finds; a second import adds nothing', async () => {
    const other = file('other.sqlite');
    const first = await awb('report', 'import', file('runs.json'), '--db', other, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual([
      expect.objectContaining({ file: file('runs.json'), sections: ['run', 'run'], runs: { added: ids, present: [] } }),
    ]);
    const shown = await awb('history', 'show', ids[0]!, '--db', other);
    expect(shown).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('imported from 2 runs of prod_aws_deploy, staging_irsa (report of'),
    });
    const again = await awb('report', 'import', file('runs.json'), '--db', other);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('0 runs added; 2 runs already in history.') });
  });

  it('refuses a broken, foreign or newer report with exit 2 and imports the good ones given with it', async () => {
    const report = readReport(file('runs.json'));
    writeFileSync(file('newer.json'), JSON.stringify({ ...report, schemaVersion: 2 }));
    writeFileSync(file('broken.json'), '{"kind":"awb-report",');
    const other = file('mixed.sqlite');
    const mixed = await awb(
      'report',
      'import',
      file('newer.json'),
      file('broken.json'),
      file('missing.json'),
      file('runs.json'),
      '--db',
      other,
    );
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('newer.json: This report has schema version 2, newer than the version this app reads (1).');
    expect(mixed.stderr).toContain('broken.json: This is not a JSON report');
    expect(mixed.stderr).toContain('missing.json does not exist.');
    expect(mixed.stdout).toContain('2 runs added');
    expect(await awb('report', 'render', file('broken.json'), '--out', file('broken.html'))).toMatchObject({ code: 2 });
  });

  it.skipIf(!chromium)('renders a report again in another format: the PDF has the regions, statuses and classes', async () => {
    expect(await awb('report', 'render', file('runs.json'), '--out', file('runs.pdf'))).toMatchObject({ code: 0 });
    const text = pdfText(file('runs.pdf'));
    for (const word of ['us-east-1', 'eu-west-1', 'Passed', 'Failed', 'region_not_enabled', '[account-1]']) expect(text).toContain(word);
  });

  it('names the fix and the other formats when no Chromium is found for a PDF', async () => {
    const result = await awbIn({
      args: ['report', 'render', file('runs.json'), '--out', file('none.pdf')],
      env: { ...env, CHROMIUM_PATH: '', PATH: '/nonexistent' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /No Chromium or Chrome was found on PATH\.\n {2}fix: Install Chromium or Chrome .*CHROMIUM_PATH.*html.*md or json/,
    );
  });
});

describe('--report on awb test, awb sweep, awb doctor and awb policy', () => {
  function connectorFile(): string {
    const path = file('conn.yaml');
    writeFileSync(
      path,
      `connector:\n  name: rep\n  identifier: rep_conn\n  type: Aws\n  spec:\n    credential:\n      type: ManualConfig\n      spec:\n        accessKey: ${world.admin.accessKeyId}\n        secretKeyRef: account.rep_sk\n      region: us-east-1\n    executeOnDelegate: false\n`,
    );
    return path;
  }
  const run = (command: string, out: string, ...extra: string[]) =>
    awbIn({
      args: [command, '--connector', connectorFile(), '--endpoint-url', endpoint.url, '--secret-key-stdin', '--report', out, ...extra],
      input: `${world.admin.secretAccessKey}\n`,
      env,
    });

  it('writes the recorded run (as history shows it) or, without history, the result', async () => {
    const recorded = await run('sweep', file('sweep.json'), '--regions', 'us-east-1,eu-west-1', '--db', file('runs.sqlite'));
    expect(recorded.code).toBe(0);
    const sweep = readReport(file('sweep.json'));
    expect(sweep.sections).toEqual([
      expect.objectContaining({
        type: 'run',
        run: expect.objectContaining({ options: expect.objectContaining({ concurrency: expect.any(Number) }) }),
      }),
    ]);
    expect(JSON.stringify(sweep)).not.toContain(world.admin.secretAccessKey);
    expect((await run('test', file('test.md'), '--no-history')).code).toBe(0);
    expect(readFileSync(file('test.md'), 'utf8')).toMatch(/^# Connection test of rep\\_conn/);
    const early = await run('test', file('test.docx'), '--no-history');
    expect(early).toMatchObject({ code: 2, stdout: '' });
  });

  it('writes the Doctor diagnosis and the policy check', async () => {
    writeFileSync(file('error.txt'), 'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation');
    expect((await awb('doctor', file('error.txt'), '--report', file('doctor.html'))).code).toBe(0);
    expect(readFileSync(file('doctor.html'), 'utf8')).toContain('secret_key_mismatch');
    writeFileSync(
      file('policy.json'),
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' }] }),
    );
    expect((await awb('policy', '--identity', file('policy.json'), '--report', file('policy.md'))).code).toBe(0);
    expect(readFileSync(file('policy.md'), 'utf8')).toContain('| **Policies** | policy.json \\(identity\\) |');
  });
});
