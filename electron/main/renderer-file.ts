import { join, normalize } from 'node:path';
import { APP_HOST } from './security';

/** The file a URL names inside `root`, or null for another host, a malformed escape or a path outside it. */
export function rendererFile(root: string, url: URL): string | null {
  if (url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  const file = normalize(join(root, path));
  return file.startsWith(root) ? file : null;
}
