import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/main/handlers';
import { createRouter } from '../../../electron/main/ipc-router';
import { createTestContext } from '../../helpers/app-context';
import { fixture, ROLE, SA } from './fixtures';

const test = createTestContext();
afterAll(() => test.dispose());
const router = createRouter(createHandlers(test.ctx), { isAppUrl: (url) => url.startsWith('app://') });
const sender = { url: 'app://awb/index.html', isTopFrame: true };

describe('delegate IPC channels', () => {
  it('delegate.irsa returns the patched manifest, problems, diff and artifacts through the real router', async () => {
    const result = await router.invoke('delegate.irsa', { manifest: fixture('harness-delegate.yaml'), form: { serviceAccount: SA, roleArn: ROLE } }, sender);
    expect(result.ok).toBe(true);
    const value = (result as { ok: true; value: { output: string; diff: { added: number; removed: number }; artifacts: { helmValues: { text: string } } } }).value;
    expect(value.output).toContain(`serviceAccountName: ${SA}`);
    expect([value.diff.added, value.diff.removed]).toEqual([12, 1]);
    expect(value.artifacts.helmValues.text).toContain(ROLE);
  });

  it('delegate.analyze and delegate.generate answer with their schemas', async () => {
    const analysis = await router.invoke('delegate.analyze', { manifest: fixture('harness-delegate-legacy-statefulset.yaml') }, sender);
    expect(analysis).toMatchObject({ ok: true, value: { workload: { kind: 'StatefulSet' } } });
    const generated = await router.invoke('delegate.generate', { form: { serviceAccount: SA, useCases: ['ecr-pull'] } }, sender);
    expect(generated).toMatchObject({ ok: true, value: { permissionPolicy: { fileName: 'harness-delegate-permissions.json' } } });
  });

  it('rejects bad arguments before any work: no service account, an unknown field, a use case that does not exist', async () => {
    const manifest = fixture('harness-delegate.yaml');
    for (const form of [{ serviceAccount: '' }, { serviceAccount: SA, token: 'x' }, { serviceAccount: SA, useCases: ['mining'] }]) {
      const result = await router.invoke('delegate.irsa', { manifest, form }, sender);
      expect(result).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    }
    const huge = await router.invoke('delegate.analyze', { manifest: 'a'.repeat(1_000_001) }, sender);
    expect(huge).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
  });
});
