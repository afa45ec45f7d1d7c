/**
 * Runs inside a D-Bus session of its own (see locked-keyring.test.ts), so the real keychain store it
 * drives talks to that session's gnome-keyring-daemon and never to the one other tests share. libsecret
 * binds a process to one session bus for its lifetime, which is why this is a process and not a
 * function. It answers one JSON line per request line: a store method and its arguments.
 */
import { createInterface } from 'node:readline';
import { isAppError } from '../../../shared/errors';
import { KeytarSecretStore } from '../../../electron/services/secrets/keytar-store';

const store = new KeytarSecretStore({ service: process.env.AWB_TEST_KEYCHAIN_SERVICE ?? 'awb-test-locked', timeoutMs: 10_000 });

type Method = 'status' | 'get' | 'has' | 'set' | 'delete';

async function answer(line: string): Promise<unknown> {
  const { method, args } = JSON.parse(line) as { method: Method; args: string[] };
  try {
    const call = store[method] as (...a: string[]) => Promise<unknown>;
    return { ok: true, value: (await call.apply(store, args)) ?? null };
  } catch (error) {
    return { ok: false, error: isAppError(error) ? error.value : String(error) };
  }
}

process.stdout.write(`${JSON.stringify({ bus: process.env.DBUS_SESSION_BUS_ADDRESS })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(`${JSON.stringify(await answer(line))}\n`);
}
