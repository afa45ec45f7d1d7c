import { readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { AppError } from '../../../shared/errors';

export type Env = Readonly<Record<string, string | undefined>>;

/** `NO_PROXY` as curl and the AWS SDKs read it: hosts, `.suffix` / `*.suffix`, optional `:port`, or `*`. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return (noProxy ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      const entry = raw.toLowerCase();
      if (entry === '*') return true;
      const [name, entryPort] = entry.split(/:(?=\d+$)/) as [string, string | undefined];
      if (entryPort && entryPort !== port) return false;
      const suffix = name.replace(/^\*?\./, '');
      return host === suffix || host.endsWith(`.${suffix}`);
    });
}

/** The proxy a request to `url` goes through, from the variables the AWS CLI and SDKs honour. */
export function proxyFor(url: URL, env: Env): string | null {
  if (bypassesProxy(url, env.NO_PROXY ?? env.no_proxy)) return null;
  const proxy = url.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy);
  return proxy || null;
}

export function readCaBundle(env: Env): Buffer | undefined {
  const file = env.AWS_CA_BUNDLE;
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch (error) {
    throw new AppError(
      'tls_certificate_error',
      `AWS_CA_BUNDLE points at ${file}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
      "Set AWS_CA_BUNDLE to the PEM file with your organisation's root certificates, or unset it.",
    );
  }
}

type ConnectOptions = Parameters<HttpsProxyAgent<string>['connect']>[1];

/**
 * https-proxy-agent opens the TLS session inside the tunnel with the request's options only and drops
 * the host, so the CA bundle is added here and the certificate is checked against the endpoint's host
 * (for an IP endpoint it would otherwise be checked against "localhost").
 */
class TrustingProxyAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: string,
    private readonly ca: Buffer | undefined,
  ) {
    super(proxy, { keepAlive: true });
  }

  override connect(req: Parameters<HttpsProxyAgent<string>['connect']>[0], opts: ConnectOptions) {
    const host = String(opts.host ?? '');
    const checks = {
      checkServerIdentity: (_: string, cert: PeerCertificate) => checkServerIdentity(host, cert),
      ...(this.ca ? { ca: this.ca } : {}),
    };
    return super.connect(req, { ...opts, ...checks } as ConnectOptions);
  }
}

/**
 * One HTTP handler per endpoint: through the proxy unless NO_PROXY exempts the host, trusting only
 * the CA bundle when one is set (as the AWS CLI does), with the connection and socket timeouts of a step.
 */
export function createRequestHandler(endpoint: URL, env: Env, timeoutMs: number): NodeHttpHandler {
  const ca = readCaBundle(env);
  const proxy = proxyFor(endpoint, env);
  const tls = ca ? { ca } : {};
  const agent = proxy
    ? new TrustingProxyAgent(proxy, ca)
    : endpoint.protocol === 'https:'
      ? new HttpsAgent({ ...tls, keepAlive: true })
      : new HttpAgent({ keepAlive: true });
  return new NodeHttpHandler({
    ...(endpoint.protocol === 'https:' ? { httpsAgent: agent as HttpsAgent } : { httpAgent: agent as HttpAgent }),
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
  });
}
