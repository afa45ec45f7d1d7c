import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app/handlers';
import { createRouter } from '../../../electron/app/ipc-router';
import { createTestContext } from '../../helpers/app-context';

const test = createTestContext();
afterAll(() => test.dispose());
const router = createRouter(createHandlers(test.ctx), { isAppUrl: (url) => url.startsWith('app://') });
const sender = { url: 'app://awb/index.html', isTopFrame: true };

/** Canaries where customers leave secrets: the secret key next to the error, the delegate token in the manifest. */
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY1';
const TOKEN = Buffer.from('canary-delegate-token-5b1e7f0c9a2d').toString('base64');

describe('doctor and policy over IPC', () => {
  it('doctor.diagnose answers through the real router and returns no pasted secret', async () => {
    const log = `export AWS_ACCESS_KEY_ID=AKIAY34FZKBOKMUTVV7A\nexport AWS_SECRET_ACCESS_KEY=${SECRET_KEY}\nSignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.`;
    const manifest = readFileSync(new URL('../../fixtures/delegate/harness-delegate.yaml', import.meta.url), 'utf8').replace(
      'PUT_YOUR_DELEGATE_TOKEN',
      TOKEN,
    );
    const answer = await router.invoke(
      'doctor.diagnose',
      {
        inputs: [
          { name: 'shell', text: log },
          { name: 'delegate.yaml', text: manifest },
        ],
      },
      sender,
    );
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const value = answer.value as { findings: { class: string }[]; inputs: { kind: string }[] };
    expect(value.inputs.map((i) => i.kind)).toEqual(['error_message', 'delegate_yaml']);
    expect(value.findings[0]?.class).toBe('secret_key_mismatch');
    const json = JSON.stringify(value);
    expect(json).not.toContain(SECRET_KEY);
    expect(json).not.toContain(TOKEN);
  });

  it('doctor.diagnose refuses a call with no inputs or too many', async () => {
    const none = await router.invoke('doctor.diagnose', { inputs: [] }, sender);
    expect(none).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    const many = await router.invoke(
      'doctor.diagnose',
      { inputs: Array.from({ length: 21 }, (_, i) => ({ name: `n${i}`, text: 'x' })) },
      sender,
    );
    expect(many).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
  });

  it('policy.check answers through the real router', async () => {
    const identity = {
      name: 'p',
      text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' }] }),
    };
    const answer = await router.invoke('policy.check', { identity: [identity], useCases: ['ecr-pull'] }, sender);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const value = answer.value as { results: { action: string; decision: string }[]; summary: { allowed: number; denied: number } };
    expect(value.results.find((r) => r.action === 'ec2:DescribeRegions')?.decision).toBe('allowed');
    expect(value.summary).toMatchObject({ allowed: 1, denied: 8 });
    const bad = await router.invoke('policy.check', { identity: [identity], useCases: ['teleport'] }, sender);
    expect(bad).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
  });
});
