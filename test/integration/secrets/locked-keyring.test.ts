import { execFile, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorValue } from '../../../shared/errors';
import { KeytarSecretStore } from '../../../electron/services/secrets/keytar-store';
import { checkRequirement, keychainRequirement } from '../../helpers/requirements';
import { tempDir } from '../../helpers/temp-dir';

const TOOLS = ['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send'];
const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const available = checkRequirement('keyring-lock', {
  met: missing.length === 0,
  reason: `locking a keyring of its own needs ${missing.join(', ')} (apt-get install dbus gnome-keyring)`,
});

const sharedAvailable = (await keychainRequirement()).met;

const LOGIN = '/org/freedesktop/secrets/collection/login';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYLOCKED0003';

type Answer = { ok: true; value: unknown } | { ok: false; error: AppErrorValue };

/**
 * A gnome-keyring-daemon on a D-Bus session of its own, with its own keyring folder and password, and
 * the real keychain store running in a process on that session. Locking it cannot touch the daemon the
 * other tests share.
 */
class OwnKeyring {
  private readonly runtime = tempDir('awb-kr-run-');
  private readonly data = tempDir('awb-kr-data-');
  private readonly password = randomBytes(12).toString('hex');
  private child!: ChildProcessWithoutNullStreams;
  private lines!: AsyncIterator<string>;
  private bus = '';
  private stderr = '';

  async start(): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XDG_RUNTIME_DIR: this.runtime.path,
      XDG_DATA_HOME: this.data.path,
      AWB_TEST_KEYRING_PASSWORD: this.password,
      AWB_TEST_KEYCHAIN_SERVICE: `awb-test-${randomUUID()}`,
    };
    delete env.GNOME_KEYRING_CONTROL;
    const script =
      'printf %s "$AWB_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$0" --import tsx "$1"';
    this.child = spawn('dbus-run-session', ['--', 'sh', '-c', script, process.execPath, join(import.meta.dirname, 'keyring-child.ts')], {
      env,
    });
    // Drained so the daemons' chatter cannot fill the pipe and stall them; kept to explain an early end.
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
    this.bus = ((await this.next()) as { bus: string }).bus;
  }

  async call(method: 'status' | 'get' | 'has' | 'set' | 'delete', ...args: string[]): Promise<Answer> {
    this.child.stdin.write(`${JSON.stringify({ method, args })}\n`);
    return (await this.next()) as Answer;
  }

  /** Locks the login collection through the Secret Service, as Seahorse's Lock does. */
  async lock(): Promise<void> {
    await this.dbus('/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock', `array:objpath:${LOGIN}`);
  }

  async locked(): Promise<boolean> {
    const reply = await this.dbus(
      '/org/freedesktop/secrets/aliases/default',
      'org.freedesktop.DBus.Properties.Get',
      'string:org.freedesktop.Secret.Collection',
      'string:Locked',
    );
    return /boolean true/.test(reply);
  }

  /**
   * Unlocks the login keyring the way logging in does: pam_gnome_keyring hands the password to the
   * running daemon over its control socket (a credentials byte, then length, op 1 = unlock, and the
   * password, all big-endian). The daemon keeps running, so the store's process keeps its session.
   */
  async unlock(): Promise<void> {
    const password = Buffer.from(this.password);
    const packet = Buffer.alloc(13 + password.length);
    packet.writeUInt32BE(12 + password.length, 1);
    packet.writeUInt32BE(1, 5);
    packet.writeUInt32BE(password.length, 9);
    password.copy(packet, 13);
    const socket = connect(join(this.runtime.path, 'keyring', 'control'));
    socket.end(packet);
    const [reply] = (await once(socket, 'data')) as [Buffer];
    socket.destroy();
    if (reply.readUInt32BE(4) !== 0) throw new Error(`gnome-keyring-daemon refused the unlock (result ${reply.readUInt32BE(4)})`);
  }

  async stop(): Promise<void> {
    this.child.stdin.end();
    const exited = once(this.child, 'exit');
    const late = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(late);
    this.runtime.remove();
    this.data.remove();
  }

  private async dbus(path: string, method: string, ...args: string[]): Promise<string> {
    const { stdout } = await promisify(execFile)(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.secrets', path, method, ...args],
      { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: this.bus } },
    );
    return stdout;
  }

  private async next(): Promise<unknown> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error(`the keychain process ended early:\n${this.stderr}`);
    return JSON.parse(value) as unknown;
  }
}

describe.skipIf(!available)('a locked keyring (a gnome-keyring-daemon of its own, locked through the Secret Service)', () => {
  const keyring = new OwnKeyring();
  const asLocked = { ok: false, error: { class: 'keychain_locked', fix: expect.stringMatching(/^Unlock your keyring/) } };

  beforeAll(() => keyring.start());
  afterAll(() => keyring.stop());

  it('is reported as locked, with the fix, by the status and by every read and write; never as a missing secret', async () => {
    expect(await keyring.call('set', 'aws_sk', SECRET)).toEqual({ ok: true, value: null });
    expect(await keyring.call('status')).toMatchObject({ ok: true, value: { available: true } });
    await keyring.lock();
    try {
      expect(await keyring.locked()).toBe(true);
      expect(await keyring.call('status')).toMatchObject({
        ok: true,
        value: {
          available: false,
          message: expect.stringContaining('is locked'),
          fix: expect.stringMatching(/^Unlock your keyring .*Seahorse/),
        },
      });
      expect(await keyring.call('get', 'aws_sk')).toMatchObject(asLocked);
      // While locked, a reference never stored cannot be told from one that was: both say locked.
      expect(await keyring.call('get', 'never_stored')).toMatchObject(asLocked);
      expect(await keyring.call('has', 'aws_sk')).toMatchObject(asLocked);
      expect(await keyring.call('set', 'other', 'value')).toMatchObject(asLocked);
      expect(await keyring.call('delete', 'aws_sk')).toMatchObject(asLocked);
      expect(JSON.stringify(await keyring.call('get', 'aws_sk'))).not.toContain(SECRET);
    } finally {
      await keyring.unlock();
    }
  });

  it('works again, in the same process, once unlocked; a missing secret is then missing again', async () => {
    expect(await keyring.call('set', 'aws_sk', SECRET)).toMatchObject({ ok: true });
    await keyring.lock();
    try {
      expect(await keyring.call('get', 'aws_sk')).toMatchObject(asLocked);
    } finally {
      await keyring.unlock();
    }
    expect(await keyring.locked()).toBe(false);
    expect(await keyring.call('status')).toMatchObject({ ok: true, value: { available: true } });
    expect(await keyring.call('get', 'aws_sk')).toEqual({ ok: true, value: SECRET });
    expect(await keyring.call('get', 'never_stored')).toEqual({ ok: true, value: null });
    expect(await keyring.call('set', 'other', 'value')).toEqual({ ok: true, value: null });
    expect(await keyring.call('delete', 'other')).toEqual({ ok: true, value: true });
  });

  it.skipIf(!sharedAvailable)('leaves the Secret Service the other tests share unlocked', async () => {
    expect(await new KeytarSecretStore({ service: `awb-test-${randomUUID()}` }).status()).toMatchObject({ available: true });
  });
});
