import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/app/handlers';
import { createRouter } from '../../../electron/app/ipc-router';
import { channelNames } from '../../../shared/ipc/contract';
import { createTestContext } from '../../helpers/app-context';
import { checkRequirement, keychainRequirement } from '../../helpers/requirements';

const available = checkRequirement('keychain', await keychainRequirement());
const context = available ? createTestContext() : null;
afterAll(() => context?.dispose());

const sender = { url: 'app://awb/index.html', isTopFrame: true };
const router = context ? createRouter(createHandlers(context.ctx), { isAppUrl: (url) => url.startsWith('app://awb/') }) : null;

/** `{ extra: { extra: … } }`, `depth` levels deep, built without recursion. */
function nested(depth: number, leaf: unknown = 'x'): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = { extra: value };
  return value;
}

const connectorDocument = (extra: Record<string, unknown>) => ({
  connector: {
    name: 'deep',
    identifier: 'deep',
    type: 'Aws',
    spec: { credential: { type: 'InheritFromDelegate', spec: null }, executeOnDelegate: true, ...extra },
  },
});

describe.skipIf(!available)('the IPC boundary under hostile arguments', () => {
  it('an extra field nested 5,000 deep is refused as invalid_argument, not a stack overflow, and nothing is saved', async () => {
    const result = await router!.invoke('connectors.save', { document: connectorDocument({ extra: nested(5000) }) }, sender);
    expect(result).toMatchObject({ ok: false, error: { class: 'invalid_argument', message: expect.stringMatching(/nested more than/) } });
    expect((await router!.invoke('connectors.list', undefined, sender)).ok && context!.ctx.connectors.list()).toEqual([]);
  });

  it('1,000 to 4,000 levels, accepted before, are refused too, so no saved connector can break every export', async () => {
    for (const depth of [40, 1000, 4000]) {
      const result = await router!.invoke('connectors.save', { document: connectorDocument({ extra: nested(depth) }) }, sender);
      expect(result, `depth ${depth}`).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    }
  });

  it('a 50 MB description is refused by its size before any scan reads it', async () => {
    const document = connectorDocument({});
    const huge = { ...document, connector: { ...document.connector, description: 'a'.repeat(50 * 1024 * 1024) } };
    const result = await router!.invoke('connectors.save', { document: huge }, sender);
    expect(result).toMatchObject({ ok: false, error: { class: 'invalid_argument', message: expect.stringMatching(/before reading it/) } });
  });

  it('a deep value in any channel never makes invoke reject', async () => {
    for (const name of channelNames) {
      const result = await router!.invoke(name, nested(100_000), sender);
      expect(result.ok, name).toBe(false);
    }
  });

  it('random deep and large values for every channel resolve to an error value or a result, never a rejection', async () => {
    const values = fc.oneof(
      fc.anything({ maxDepth: 8, maxKeys: 8, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
      fc.record({ document: fc.anything({ maxDepth: 6 }), secrets: fc.anything({ maxDepth: 3 }) }),
      fc.nat({ max: 20_000 }).map((depth) => nested(depth, [])),
      fc.string({ maxLength: 64 }).map((s) => ({ inputs: [{ name: s, text: s.repeat(1000) }] })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channelNames), values, async (name, value) => {
        const result = await router!.invoke(name, value, sender);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.error.message).not.toMatch(/^\s+at /m);
      }),
      { numRuns: 300 },
    );
  });
});
