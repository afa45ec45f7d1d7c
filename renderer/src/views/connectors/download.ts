/**
 * Hands text to the browser as a file download. In Electron a download opens the system's save
 * dialog, so this is the "Save as…" of the YAML export without a window-aware IPC channel.
 */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started from the object URL by now; releasing it later than this would only leak it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Copies text; where the clipboard permission is denied, selects the element's text so Ctrl+C copies it. */
export async function copyText(text: string, fallback: HTMLElement | undefined): Promise<'copied' | 'selected'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (fallback) getSelection()?.selectAllChildren(fallback);
    return 'selected';
  }
}
