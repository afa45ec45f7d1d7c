import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app/handlers';
import { createRouter } from '../../../electron/app/ipc-router';
import { applyEdits, type TextEdit } from '../../../shared/delegate/edits';
import { createTestContext } from '../../helpers/app-context';
import { awb } from '../../helpers/awb';
import { tempDir } from '../../helpers/temp-dir';
import { fixture, ROLE, SA } from './fixtures';

const test = createTestContext();
const dir = tempDir('awb-delegate-ipc-');
afterAll(async () => {
  dir.remove();
  await test.dispose();
});
const router = createRouter(createHandlers(test.ctx), { isAppUrl: (url) => url.startsWith('app://') });
const sender = { url: 'app://awb/index.html', isTopFrame: true };

/**
 * Canary tokens planted where Harness puts the real ones: the delegate and upgrader Secrets' `data`
 * (base64, as Harness writes it) and a proxy password in `stringData`. None of them, nor the
 * decoded token, may come back in any delegate channel's result.
 */
const TOKEN_TEXT = 'canary-delegate-token-5b1e7f0c9a2d';
const TOKEN = Buffer.from(TOKEN_TEXT).toString('base64');
const UPGRADER = Buffer.from('canary-upgrader-token-3c8d2e6f1a4b').toString('base64');
const PROXY_PASSWORD = 'canary-proxy-password-9e4f';
const CANARIES = [TOKEN, TOKEN_TEXT, UPGRADER, PROXY_PASSWORD];

const original = fixture('harness-delegate.yaml');
const manifest = original
  .replace(
    '  DELEGATE_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"\n',
    `  DELEGATE_TOKEN: "${TOKEN}"\nstringData:\n  PROXY_PASSWORD: ${PROXY_PASSWORD}\n`,
  )
  .replace('  UPGRADER_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"\n', `  UPGRADER_TOKEN: ${UPGRADER}\n`);

function expectNoCanary(result: unknown): void {
  const json = JSON.stringify(result);
  for (const canary of CANARIES) expect(json).not.toContain(canary);
}

describe('delegate IPC channels', () => {
  it('the canaries are really in the manifest, in the Secret documents', () => {
    expect(manifest).not.toBe(original);
    for (const canary of [TOKEN, UPGRADER, PROXY_PASSWORD]) expect(manifest).toContain(canary);
  });

  it('delegate.irsa returns splices, never a Secret value; applied to the manifest they give what the CLI writes, byte for byte', async () => {
    const form = {
      serviceAccount: SA,
      roleArn: ROLE,
      stsRegionalEndpoints: true,
      region: 'us-east-1',
      oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC123',
      clusterName: 'prod',
      useCases: ['ecr-pull'],
    };
    const result = await router.invoke('delegate.irsa', { manifest, form }, sender);
    expectNoCanary(result);
    expect(result.ok).toBe(true);
    const value = (result as { ok: true; value: { edits: TextEdit[]; changes: string[]; artifacts: { helmValues: { text: string } } } })
      .value;
    expect(value).not.toHaveProperty('output');
    expect(
      value.edits.map((e) => (e.deleteCount === 0 ? `+${e.insert}` : `-${manifest.slice(e.offset, e.offset + e.deleteCount)}+${e.insert}`)),
    ).toEqual([
      `+---\n\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${SA}\n  namespace: harness-delegate-ng\n  annotations:\n    eks.amazonaws.com/role-arn: ${ROLE}\n    eks.amazonaws.com/sts-regional-endpoints: "true"\n\n`,
      `-    name: default\n+    name: ${SA}\n`,
      `+      serviceAccountName: ${SA}\n`,
    ]);
    expect(value.changes).toHaveLength(3);
    expect(value.artifacts.helmValues.text).toContain(ROLE);

    const input = join(dir.path, 'harness-delegate.yaml');
    const out = join(dir.path, 'harness-delegate.irsa.yaml');
    writeFileSync(input, manifest);
    const cli = awb(
      'delegate',
      'irsa',
      '--in',
      input,
      '--service-account',
      SA,
      '--role-arn',
      ROLE,
      '--sts-regional-endpoints',
      '--region',
      'us-east-1',
      '--out',
      out,
    );
    expect(cli.code).toBe(0);
    const written = readFileSync(out, 'utf8');
    expect(written).toContain(TOKEN);
    expect(applyEdits(manifest, value.edits)).toBe(written);
  });

  it('delegate.analyze answers without the Secret values, placeholders and problems included', async () => {
    const analysis = await router.invoke('delegate.analyze', { manifest }, sender);
    expectNoCanary(analysis);
    expect(analysis).toMatchObject({ ok: true, value: { workload: { kind: 'Deployment' }, hasUpgrader: true } });
    const names = (analysis as { ok: true; value: { placeholders: Array<{ name: string }> } }).value.placeholders.map((p) => p.name);
    expect(names).not.toContain('PUT_YOUR_DELEGATE_TOKEN');
    expect(names).toContain('PUT_YOUR_ACCOUNT_ID');
  });

  it('problems that would quote a Secret value hide it: a role ARN, a service account name, a namespace pasted from the Secret', async () => {
    const results = await Promise.all([
      router.invoke('delegate.irsa', { manifest, form: { serviceAccount: SA, roleArn: TOKEN } }, sender),
      router.invoke(
        'delegate.irsa',
        { manifest, form: { serviceAccount: SA, roleArn: ROLE, namespace: PROXY_PASSWORD.toUpperCase() } },
        sender,
      ),
      router.invoke('delegate.irsa', { manifest, form: { serviceAccount: SA, accountId: PROXY_PASSWORD, roleName: 'x' } }, sender),
      router.invoke('delegate.generate', { form: { serviceAccount: SA, roleArn: ROLE, useCases: ['ecr-pull'] } }, sender),
    ]);
    for (const result of results) expectNoCanary(result);
    const first = (results[0] as { ok: true; value: { edits: null; problems: Array<{ code: string; message: string }> } }).value;
    expect(first.edits).toBeNull();
    expect(first.problems[0]).toMatchObject({ code: 'invalid-role-arn', message: '"[Secret value hidden]" is not an IAM role ARN.' });
  });

  it('an edit that would carry a Secret value is refused with an error value that does not quote it', async () => {
    const named = manifest.replace(`PROXY_PASSWORD: ${PROXY_PASSWORD}`, 'PROXY_PASSWORD: delegate-in-a-secret');
    const result = await router.invoke(
      'delegate.irsa',
      { manifest: named, form: { serviceAccount: 'delegate-in-a-secret', roleArn: ROLE } },
      sender,
    );
    expectNoCanary(result);
    expect(result).toMatchObject({ ok: false, error: { class: 'invalid_input' } });
    expect(JSON.stringify(result)).not.toContain('delegate-in-a-secret');
    expect((result as { ok: false; error: { message: string } }).error.message).toContain(
      'PROXY_PASSWORD in Secret PUT_YOUR_DELEGATE_NAME-account-token',
    );
  });

  it('YAML that cannot be read inside a Secret: the problem has its line but not the parser message that quotes the token', async () => {
    const broken = manifest.replace(`  DELEGATE_TOKEN: "${TOKEN}"\n`, `  DELEGATE_TOKEN: |${TOKEN}\n    more\n`);
    for (const result of [
      await router.invoke('delegate.analyze', { manifest: broken }, sender),
      await router.invoke('delegate.irsa', { manifest: broken, form: { serviceAccount: SA, roleArn: ROLE } }, sender),
    ]) {
      expectNoCanary(result);
      const problems = (result as { ok: true; value: { problems: unknown[] } }).value.problems;
      expect(problems[0]).toMatchObject({ code: 'yaml-syntax', line: 30, message: expect.stringContaining('this Secret cannot be read') });
    }
  });

  it('rejects bad arguments before any work: no service account, an unknown field, a use case that does not exist', async () => {
    for (const form of [{ serviceAccount: '' }, { serviceAccount: SA, token: 'x' }, { serviceAccount: SA, useCases: ['mining'] }]) {
      const result = await router.invoke('delegate.irsa', { manifest, form }, sender);
      expect(result).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
      expectNoCanary(result);
    }
    const huge = await router.invoke('delegate.analyze', { manifest: 'a'.repeat(1_000_001) }, sender);
    expect(huge).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
  });
});
