import { existsSync } from 'node:fs';
import { KeytarSecretStore } from '../../electron/services/secrets/keytar-store';

/**
 * Real parts a test needs but a developer's machine may lack. Outside CI a missing part skips the
 * test with a printed reason; under CI (CI=true) it is a failure, so a broken setup never passes as green.
 */
export const isCi = process.env.CI === 'true' || process.env.CI === '1';

export interface Requirement {
  readonly met: boolean;
  readonly reason: string;
}

let keychain: Promise<Requirement> | undefined;

export function keychainRequirement(): Promise<Requirement> {
  keychain ??= new KeytarSecretStore({ service: 'awb-test-probe' }).status().then((status) => ({
    met: status.available,
    reason: status.available
      ? ''
      : `no Secret Service is reachable (${status.message} Start one with: dbus-run-session -- bash -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets; npm test')`,
  }));
  return keychain;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumRequirement(): Requirement {
  const met = existsSync(CHROMIUM_PATH);
  return { met, reason: met ? '' : `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)` };
}

/** Throws under CI, prints and returns false elsewhere; callers skip when it returns false. */
export function checkRequirement(name: string, requirement: Requirement): boolean {
  if (requirement.met) return true;
  const message = `[${name}] ${requirement.reason}`;
  if (isCi) throw new Error(`${message}. Under CI this is a failure, not a skip.`);
  console.warn(`SKIPPED: ${message}`);
  return false;
}
