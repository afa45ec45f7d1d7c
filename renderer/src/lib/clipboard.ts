export type CopyOutcome = 'copied' | 'selected' | 'failed';

/**
 * Copies text. Where the clipboard is refused (no permission, window not focused), selects the
 * fallback element's text instead, so Ctrl+C copies it; without a fallback, says it failed.
 */
export async function copyText(text: string, fallback?: HTMLElement): Promise<CopyOutcome> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (!fallback) return 'failed';
    getSelection()?.selectAllChildren(fallback);
    return 'selected';
  }
}

/**
 * Hands text to the browser as a file download. In Electron a download opens the system's save
 * dialog, so this is "Save as…" without a window-aware IPC channel.
 */
export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // The download has started from the object URL by now; releasing it later would only leak it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
