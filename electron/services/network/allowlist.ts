import { proxyFor, type Env } from '../aws/http';

/**
 * The `host:port` lines a firewall team must open for these endpoints. When a proxy carries the
 * traffic, the proxy is what this machine must reach, and the endpoints are what the proxy must allow.
 */
export function allowlistOf(urls: readonly URL[], env: Env): string[] {
  const lines = new Set<string>();
  for (const url of urls) {
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    lines.add(`${url.hostname}:${port}`);
    const proxy = proxyFor(url, env);
    if (proxy) {
      const p = new URL(proxy);
      lines.add(`${p.hostname}:${p.port || '80'} (proxy)`);
    }
  }
  return [...lines].sort();
}

/** Plain text for a ticket or an e-mail: a short header, then one host per line. */
export function allowlistText(lines: readonly string[]): string {
  return ['# Hosts the Harness delegate must reach for this AWS connector (TCP, HTTPS)', ...lines, ''].join('\n');
}
