import { execFile } from 'node:child_process';

// The Secret Service serves its default collection (where libsecret stores new secrets) at this alias path too.
const DEFAULT_COLLECTION = '/org/freedesktop/secrets/aliases/default';

/**
 * Whether the Secret Service's default collection is locked, or undefined when that cannot be told
 * (no dbus-send, no default collection, no answer in time). libsecret reports an item in a locked
 * collection as no item at all, so only the collection's `Locked` property tells locked from
 * missing. dbus-send ships with the reference D-Bus tools that any session bus comes with, so this
 * needs no D-Bus library; reading a property never raises an unlock prompt.
 */
export function defaultCollectionLocked(timeoutMs: number): Promise<boolean | undefined> {
  const args = [
    '--session',
    '--print-reply=literal',
    `--reply-timeout=${timeoutMs}`,
    '--dest=org.freedesktop.secrets',
    DEFAULT_COLLECTION,
    'org.freedesktop.DBus.Properties.Get',
    'string:org.freedesktop.Secret.Collection',
    'string:Locked',
  ];
  return new Promise((resolve) => {
    execFile('dbus-send', args, { timeout: timeoutMs }, (error, stdout) => {
      const answer = /boolean (true|false)/.exec(stdout);
      resolve(error || !answer ? undefined : answer[1] === 'true');
    });
  });
}
