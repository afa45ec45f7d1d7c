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
