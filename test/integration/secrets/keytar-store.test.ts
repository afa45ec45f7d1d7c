import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { KeytarSecretStore } from '../../../electron/services/secrets/keytar-store';
import { checkRequirement, keychainRequirement } from '../../helpers/requirements';

const requirement = await keychainRequirement();
const available = checkRequirement('keychain', requirement);

describe.skipIf(!available)('keychain secret store (real Secret Service)', () => {
  const service = `awb-test-${randomUUID()}`;
  const store = new KeytarSecretStore({ service });
  const other = new KeytarSecretStore({ service: `${service}-other` });
  const refs = ['account.aws_sk', 'org.aws_token', 'project-secret'];

  beforeAll(async () => {
    expect((await store.status()).available).toBe(true);
  });
  afterAll(async () => {
    for (const ref of refs) await store.delete(ref);
  });

  it('stores, finds and deletes a secret by its reference', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    await store.set('account.aws_sk', secret);
    expect(await store.has('account.aws_sk')).toBe(true);
    expect(await store.get('account.aws_sk')).toBe(secret);
    expect(await store.delete('account.aws_sk')).toBe(true);
    expect(await store.has('account.aws_sk')).toBe(false);
    expect(await store.delete('account.aws_sk')).toBe(false);
  });

  it('replaces a secret in place', async () => {
    await store.set('org.aws_token', 'first');
    await store.set('org.aws_token', 'second');
    expect(await store.get('org.aws_token')).toBe('second');
  });

  it('keeps services apart, so tests never see a user’s entries', async () => {
    await store.set('project-secret', 'mine');
    expect(await other.has('project-secret')).toBe(false);
  });

  it('reports the backend by name', async () => {
    expect(await store.status()).toMatchObject({ available: true, backend: 'Secret Service (libsecret)' });
  });
});

describe('keychain unavailable', () => {
  const broken = (platform: NodeJS.Platform) =>
    new KeytarSecretStore({
      service: 'awb-test-broken',
      platform,
      // Stands in for a machine where the native module or its D-Bus peer is missing; no real keychain is touched.
      isLocked: async () => undefined,
      load: async () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file');
      },
    });

  it.each([
    ['linux', /gnome-keyring or KWallet/],
    ['darwin', /Keychain Access/],
    ['win32', /Credential Manager/],
  ] as const)('on %s: a typed error with that OS’s fix, and nothing stored', async (platform, fix) => {
    const store = broken(platform);
    const error = await store.set('account.x', 'secret-value').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).value).toMatchObject({ class: 'keychain_unavailable', fix: expect.stringMatching(fix) });
    expect((error as AppError).value.message).not.toContain('secret-value');
    expect(await store.status()).toMatchObject({ available: false, fix: expect.stringMatching(fix) });
  });

  it('a failing keychain call gives the same typed error, never the native text', async () => {
    const store = new KeytarSecretStore({
      service: 'awb-test-broken',
      platform: 'linux',
      isLocked: async () => undefined,
      load: async () =>
        ({
          getPassword: async () => {
            throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
          },
          setPassword: async () => {
            throw new Error('org.freedesktop.DBus.Error.ServiceUnknown');
          },
          deletePassword: async () => false,
        }) as never,
    });
    await expect(store.get('x')).rejects.toMatchObject({ value: { class: 'keychain_unavailable' } });
    await expect(store.set('x', 'y')).rejects.toMatchObject({ value: { message: expect.not.stringContaining('DBus') } });
  });

  it('a keychain that never answers (a locked keyring waiting on a prompt) is reported, not waited on for ever', async () => {
    const never = () => new Promise<never>(() => undefined);
    const store = new KeytarSecretStore({
      service: 'awb-test-hung',
      platform: 'linux',
      timeoutMs: 20,
      isLocked: async () => undefined,
      load: async () => ({ getPassword: never, setPassword: never, deletePassword: never }) as never,
    });
    await expect(store.set('x', 'secret-value')).rejects.toMatchObject({
      value: {
        class: 'keychain_unavailable',
        message: expect.stringMatching(/did not answer within 1 s/),
        fix: expect.stringMatching(/unlock the keyring/),
      },
    });
    expect(await store.status()).toMatchObject({ available: false });
  });
});

describe('a keychain with no Secret Service lock to ask about', () => {
  it.each(['darwin', 'win32'] as const)('on %s a secret keytar does not find is missing, not locked', async (platform) => {
    // macOS fails (or prompts) on a locked keychain itself and Windows has no lock, so no lock is asked for.
    const store = new KeytarSecretStore({
      service: 'awb-test-other-os',
      platform,
      load: async () => ({ getPassword: async () => null, deletePassword: async () => false }) as never,
    });
    expect(await store.get('missing')).toBeNull();
    expect(await store.delete('missing')).toBe(false);
    expect(await store.status()).toMatchObject({ available: true });
  });
});
