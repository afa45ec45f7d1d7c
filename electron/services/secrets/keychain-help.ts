/** What to do when no keychain answers, in the words of the user's own operating system. */
export function keychainFix(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'Unlock the login keychain in Keychain Access (File → Unlock Keychain "login"), then retry.';
    case 'win32':
      return 'Make sure the Credential Manager service (VaultSvc) is running: open services.msc and start "Credential Manager".';
    default:
      return 'Install and start a Secret Service provider such as gnome-keyring or KWallet (for example `sudo apt install gnome-keyring libsecret-1-0`), make sure a D-Bus session is running, and unlock the keyring.';
  }
}

/** What to do when the Secret Service answers but its keyring is locked (Linux and other libsecret systems). */
export function keyringUnlockFix(): string {
  return 'Unlock your keyring (e.g. log in again, or unlock the "Login" keyring in Seahorse or KWallet Manager, or pipe its password into `gnome-keyring-daemon --replace --unlock` and restart the app), then retry.';
}

export function keychainBackend(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'macOS Keychain';
    case 'win32':
      return 'Windows Credential Manager';
    default:
      return 'Secret Service (libsecret)';
  }
}
