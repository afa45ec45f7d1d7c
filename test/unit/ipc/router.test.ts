import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { contract } from '../../../shared/ipc/contract';
import { createRouter, type Handlers, type Sender } from '../../../electron/app/ipc-router';

const APP = 'app://workbench/index.html';
const appSender: Sender = { url: APP, isTopFrame: true };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const base: Partial<Handlers> = {
    'secrets.set': vi.fn(async ({ ref }) => ({ ref, stored: true as const })),
    'secrets.has': vi.fn(async ({ ref }) => ({ ref, exists: false })),
    'history.list': vi.fn(() => ({ runs: [], total: 0 })),
  };
  // Channels a test does not exercise fail loudly if they are reached.
  const all = Object.fromEntries(
    Object.keys(contract).map((name) => [
      name,
      () => {
        throw new Error(`unexpected call to ${name}`);
      },
    ]),
  );
  return { ...all, ...base, ...overrides } as Handlers;
}

function router(h = handlers(), log = vi.fn()) {
  return { router: createRouter(h, { isAppUrl: (url) => url.startsWith('app://workbench/'), log }), log };
}

describe('IPC router', () => {
  it('runs the handler with the parsed argument and returns its result', async () => {
    const h = handlers();
    const { router: r } = router(h);
    const result = await r.invoke('secrets.has', { ref: 'account.aws_sk' }, appSender);
    expect(result).toEqual({ ok: true, value: { ref: 'account.aws_sk', exists: false } });
    expect(h['secrets.has']).toHaveBeenCalledWith({ ref: 'account.aws_sk' }, expect.anything());
  });

  it('applies schema defaults before the handler sees the argument', async () => {
    const h = handlers();
    await router(h).router.invoke('history.list', {}, appSender);
    expect(h['history.list']).toHaveBeenCalledWith({ limit: 100, offset: 0, sort: 'startedAt', order: 'desc' }, expect.anything());
  });

  it.each([
    ['a number for a string', { ref: 42, value: 'x' }],
    ['a missing field', { ref: 'account.x' }],
    ['an unknown field', { ref: 'account.x', value: 'x', extra: true }],
    ['a reference with a space', { ref: 'bad ref', value: 'x' }],
    ['no argument at all', undefined],
  ])('rejects %s with invalid_argument and never calls the handler', async (_name, args) => {
    const h = handlers();
    const result = await router(h).router.invoke('secrets.set', args, appSender);
    expect(result).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    expect(h['secrets.set']).not.toHaveBeenCalled();
  });

  it('never echoes a rejected secret value in the error', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const result = await router().router.invoke('secrets.set', { ref: 'bad ref', value: secret }, appSender);
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', isTopFrame: true }],
    ['a sub-frame of the app', { url: APP, isTopFrame: false }],
    ['an empty URL', { url: '', isTopFrame: true }],
  ])('refuses calls from %s', async (_name, sender) => {
    const h = handlers();
    const result = await router(h).router.invoke('secrets.has', { ref: 'x' }, sender);
    expect(result).toMatchObject({ ok: false, error: { class: 'forbidden_sender' } });
    expect(h['secrets.has']).not.toHaveBeenCalled();
  });

  it('refuses unknown channels, including prototype names', async () => {
    for (const name of ['secrets.get', '__proto__', 'constructor', 'toString']) {
      const result = await router().router.invoke(name, undefined, appSender);
      expect(result).toMatchObject({ ok: false, error: { class: 'unknown_channel' } });
    }
  });

  it('turns a thrown AppError into its error value, secrets scrubbed', async () => {
    const { router: r } = router(
      handlers({
        'secrets.has': async () => {
          throw new AppError(
            'keychain_unavailable',
            'no keychain for aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
            'Start gnome-keyring.',
          );
        },
      }),
    );
    const result = await r.invoke('secrets.has', { ref: 'x' }, appSender);
    expect(result).toMatchObject({ ok: false, error: { class: 'keychain_unavailable', fix: 'Start gnome-keyring.' } });
    expect(JSON.stringify(result)).not.toContain('wJalrXUtnFEMI');
  });

  it('turns an unexpected error into a generic internal error with no stack and no message', async () => {
    const log = vi.fn();
    const { router: r } = router(
      handlers({
        'secrets.has': async () => {
          throw new Error('boom at /home/user/secret-path with token=abcdefghijklmnop');
        },
      }),
      log,
    );
    const result = await r.invoke('secrets.has', { ref: 'x' }, appSender);
    expect(result).toMatchObject({ ok: false, error: { class: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/boom|secret-path|at .*\.ts/);
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]?.[0]).not.toContain('abcdefghijklmnop');
  });

  it('strips fields the contract does not declare from a handler result', async () => {
    const { router: r } = router(handlers({ 'secrets.has': async ({ ref }) => ({ ref, exists: true, value: 'leaked-secret' }) as never }));
    const result = await r.invoke('secrets.has', { ref: 'x' }, appSender);
    expect(result).toEqual({ ok: true, value: { ref: 'x', exists: true } });
  });

  it('strips undeclared fields from progress events and drops events that do not match the contract', async () => {
    const region = { region: 'us-east-1', partition: 'aws', status: 'pass', identity: null, checks: [] };
    const emitted: unknown[] = [];
    const { router: r, log } = router(
      handlers({
        'test.run': ({ connectorIdentifier }, { emit }) => {
          emit({ runId: 'r1', region: { ...region, secretKey: 'leaked-secret' }, completed: 1, total: 2, token: 'leaked-token' } as never);
          emit({ runId: 'r1', completed: 'half' } as never);
          throw new AppError('invalid_input', `No connector ${connectorIdentifier}.`, 'Save it first.');
        },
      }),
    );
    await r.invoke('test.run', { connectorIdentifier: 'c' }, appSender, (event) => emitted.push(event));
    expect(emitted).toEqual([{ runId: 'r1', region, completed: 1, total: 2 }]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('progress event that does not match the contract was dropped'));
    expect(JSON.stringify(log.mock.calls)).not.toContain('half');
  });

  it('has no channel that could return a secret value', () => {
    const names = Object.keys(contract).filter((name) => name.startsWith('secrets.'));
    expect(names.sort()).toEqual(['secrets.delete', 'secrets.has', 'secrets.set']);
    for (const name of names) {
      const shape = (contract[name as keyof typeof contract].result as unknown as { shape: Record<string, unknown> }).shape;
      expect(Object.keys(shape)).not.toContain('value');
    }
  });
});
