import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { RunResult } from '../../../shared/aws-test/result';
import type { DoctorResult } from '../../../shared/doctor/schema';
import type { IrsaResult } from '../../../shared/delegate/results';
import type { PolicyCheckResult } from '../../../shared/policy/schema';
import { delegateSection, policySectionOf } from '../../../shared/report/build';
import { REPORT_FORMATS, type Report, type RunSection } from '../../../shared/report/schema';
import { canary, findCanaries } from './leaks';

type Call = (channel: string, args?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { class: string; message: string } }>;

/** What the canary test has planted, and where, for the report paths to carry along. */
export interface Planted {
  readonly call: Call;
  readonly canaries: Readonly<Record<string, string>>;
  /** A shell environment dump with a secret key, a session token and a proxy password, as a user pastes it. */
  readonly envDump: string;
  /** The delegate manifest with the delegate token and a proxy password in its Secrets. */
  readonly manifest: string;
  readonly form: Record<string, unknown>;
  readonly endpointUrl: string;
  readonly userData: string;
  /** Full access key IDs that went through the app: a report may show them only shortened. */
  readonly accessKeyIds: readonly string[];
}

const value = async <T>(reply: Promise<Awaited<ReturnType<Call>>>): Promise<T> => {
  const answer = await reply;
  expect(answer, JSON.stringify(answer.error)).toMatchObject({ ok: true });
  return answer.value as T;
};

/** A web identity token whose signature is a canary; its iss, aud, sub and exp are what a report may keep. */
function webIdentityToken(signature: string): string {
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const claims = {
    iss: 'https://oidc.eks.us-east-1.amazonaws.com/id/CANARYISSUER',
    aud: 'sts.amazonaws.com',
    sub: 'system:serviceaccount:ns:sa',
    exp: 1796294400,
    'kubernetes.io': { secret: signature.slice(0, 40) },
  };
  return `${part({ alg: 'RS256', kid: 'canary' })}.${part(claims)}.${signature}`;
}

/** Every report file written under the data folder, with the text `pdftotext` reads from each PDF (their streams are compressed). */
function writtenReports(userData: string): Array<{ where: string; bytes: Buffer }> {
  const dir = join(userData, 'reports');
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const bytes = readFileSync(path);
    const text = name.endsWith('.pdf')
      ? [{ where: `${path} (text)`, bytes: Buffer.from(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })) }]
      : [];
    return [{ where: path, bytes }, ...text];
  });
}

/**
 * The report paths of the canary test: every section kind (runs from history, a run not in history,
 * the Doctor, the policy check, the delegate result) built from inputs holding the planted secrets,
 * plus a hand-made report that carries them raw and is imported; each exported in every format,
 * with and without masks. The canaries planted here are looked for here, in every file and reply.
 */
export async function exportEveryReport(planted: Planted): Promise<void> {
  const mine = { tokenSignature: canary(300), importedSecretKey: canary(40), importedProxyPassword: canary(24) };
  const { envDump, manifest, form } = planted;
  const replies: Array<{ where: string; bytes: Buffer }> = [];
  const call: Call = async (channel, args) => {
    const reply = await planted.call(channel, args);
    replies.push({ where: `${channel} reply`, bytes: Buffer.from(JSON.stringify(reply)) });
    return reply;
  };
  const token = webIdentityToken(mine.tokenSignature);

  const runIds = (await value<{ runs: Array<{ id: string }> }>(call('history.list', { limit: 100 }))).runs.map((r) => r.id);
  // A wrong secret typed into a test, its result handed over as the window holds it.
  const wrong = await value<RunResult>(
    call('test.run', { connectorIdentifier: 'canary_wrong', options: { endpointUrl: planted.endpointUrl } }),
  );
  const doctor = await value<DoctorResult>(
    call('doctor.diagnose', {
      inputs: [
        { name: 'env.txt', text: `${envDump}\nAWS_WEB_IDENTITY_TOKEN=${token}` },
        { name: 'delegate.yaml', text: manifest },
      ],
    }),
  );
  const policyJson = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' }],
  });
  const policyRequest = { identity: [{ name: 'pasted', text: `${envDump}\n${policyJson}` }], useCases: ['ecr-pull' as const] };
  const policy = await value<PolicyCheckResult>(call('policy.check', policyRequest));
  const irsa = await value<IrsaResult>(call('delegate.irsa', { manifest, form }));
  const sections = [
    { type: 'doctor', result: doctor },
    policySectionOf(policyRequest, policy),
    delegateSection('irsa', irsa, irsa.artifacts),
  ];

  const masks = [{}, { accounts: true, names: true, hosts: true, ips: true, emails: true }];
  const reports: Array<{ report: Report; masked: boolean }> = [];
  for (const redaction of masks) {
    const report = await value<Report>(call('reports.build', { runIds, results: [wrong], sections, redaction }));
    reports.push({ report, masked: Object.keys(redaction).length > 0 });
  }

  // A report made by hand, its strings holding the secrets raw: importing it must not carry them further.
  const [firstRun] = reports[0]!.report.sections.filter((s): s is RunSection => s.type === 'run');
  const rawRun: RunSection = structuredClone(firstRun!);
  rawRun.run.result.runId = randomUUID();
  rawRun.run.result.regions[0]!.checks[0]!.error = {
    code: 'Raw',
    class: 'secret_key_mismatch',
    message: `AWS_SECRET_ACCESS_KEY=${mine.importedSecretKey} HTTPS_PROXY=http://u:${mine.importedProxyPassword}@proxy:3128 token ${token}`,
    fix: envDump,
  };
  rawRun.run.connector = { ...rawRun.run.connector, webIdentityToken: token, proxy: `http://u:${mine.importedProxyPassword}@proxy:3128` };
  const raw = { ...reports[0]!.report, title: 'Raw report', sections: [rawRun] };
  const imported = await value<{ runs: { added: string[] } }>(call('reports.import', { text: JSON.stringify(raw) }));
  expect(imported.runs.added).toEqual([rawRun.run.result.runId]);
  reports.push({ report: await value<Report>(call('reports.build', { runIds: imported.runs.added })), masked: false });
  expect(await call('reports.import', { text: '{"kind":"awb-report","schemaVersion":99}' })).toMatchObject({
    ok: false,
    error: { class: 'invalid_input' },
  });

  const masked = new Set<string>();
  for (const report of reports) {
    for (const format of REPORT_FORMATS) {
      const saved = await value<{ path: string }>(call('reports.save', { report: report.report, format }));
      if (report.masked) masked.add(saved.path);
    }
  }
  expect(await call('reports.save', { report: reports[0]!.report, format: 'docx' })).toMatchObject({
    ok: false,
    error: { class: 'invalid_argument' },
  });

  const written = writtenReports(planted.userData);
  expect(written.filter((f) => f.where.endsWith('.pdf'))).toHaveLength(reports.length);
  expect(findCanaries({ ...planted.canaries, ...mine }, [...written, ...replies])).toEqual([]);
  // Access key IDs appear only shortened; the claims that tell the token apart are kept.
  const texts = written.map((f) => f.bytes.toString('utf8'));
  for (const keyId of planted.accessKeyIds) {
    expect(texts.filter((t) => t.includes(keyId))).toEqual([]);
    expect(texts.some((t) => t.includes(`${keyId.slice(0, 4)}…${keyId.slice(-4)}`))).toBe(true);
  }
  expect(texts.some((t) => t.includes('iss=https://oidc.eks.us-east-1.amazonaws.com/id/CANARYISSUER'))).toBe(true);
  // With account masking on, no account ID is left in any byte of those reports (a PDF by its text).
  const maskedFiles = written.filter((f) => masked.has(f.where.replace(/ \(text\)$/, '')) && !f.where.endsWith('.pdf'));
  expect(maskedFiles).toHaveLength(REPORT_FORMATS.length);
  for (const file of maskedFiles) {
    expect(file.bytes.toString('utf8'), file.where).not.toMatch(/(?<![0-9A-Za-z])\d{12}(?![0-9A-Za-z])/);
    expect(file.bytes.toString('utf8'), file.where).toMatch(/\\?\[account-1\\?\]/);
  }
}
