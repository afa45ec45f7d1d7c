import { lookup as dnsLookup } from 'node:dns/promises';
import type { Socket } from 'node:net';
import type { PreflightResult, PreflightStep, PreflightTarget } from '../../../shared/network/result';
import type { ErrorClass } from '../../../shared/errors';
import { readCaBundle, proxyFor, type Env } from '../aws/http';
import { connectThrough, HopError, lookup, tcp, tls, type Resolver } from './hops';
import { allowlistOf } from './allowlist';

export interface PreflightDeps {
  readonly resolver?: Resolver;
  readonly env: Env;
  readonly clock?: () => Date;
  readonly monotonic?: () => number;
}

export const systemResolver: Resolver = async (host) => (await dnsLookup(host, { all: true })).map((entry) => entry.address);

const TLS_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|DEPTH_ZERO|HOSTNAME|ALTNAME/;

function classify(step: PreflightStep['name'], code: string, host: string): { class: ErrorClass; fix: string } {
  if (code === 'ENOTFOUND') {
    return {
      class: 'endpoint_resolution_error',
      fix: `${host} does not resolve: check the region code or custom endpoint, and that the DNS server this machine uses can resolve public AWS names (or your VPC endpoint's private zone).`,
    };
  }
  if (step === 'tls' && TLS_CODE.test(code)) {
    return {
      class: 'tls_certificate_error',
      fix: "The certificate is not trusted. If a proxy or firewall inspects TLS, point AWS_CA_BUNDLE at your organisation's CA bundle; otherwise check the endpoint URL.",
    };
  }
  if (step === 'proxy') {
    return {
      class: 'network_unreachable',
      fix: `The proxy did not open a tunnel to ${host}: allow CONNECT to it on the proxy, or add it to NO_PROXY if it is reachable directly.`,
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      class: 'network_unreachable',
      fix: `Nothing accepts connections at ${host} on that port, or a firewall rejects them: check the endpoint and the firewall rules (the allowlist lists the hosts).`,
    };
  }
  return {
    class: 'network_unreachable',
    fix: `No answer from ${host}: a firewall probably drops the traffic. Open the hosts of the allowlist on port 443, or set HTTPS_PROXY.`,
  };
}

/**
 * Walks the path a request takes to each endpoint (DNS, TCP, the proxy tunnel if one applies, the TLS
 * handshake) and times every hop, so "the network is blocked" shows as a network failure at a named
 * hop rather than as a credential error.
 */
export async function runPreflight(urls: readonly URL[], timeoutMs: number, deps: PreflightDeps): Promise<PreflightResult> {
  const clock = deps.clock ?? (() => new Date());
  const monotonic = deps.monotonic ?? (() => performance.now());
  const startedAt = clock();
  const t0 = monotonic();
  const ca = readCaBundle(deps.env);
  const resolver = deps.resolver ?? systemResolver;
  const unique = [...new Map(urls.map((u) => [u.origin, u])).values()];
  const targets = await Promise.all(unique.map((url) => checkTarget(url, { resolver, env: deps.env, ca, timeoutMs, monotonic })));
  return {
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(monotonic() - t0),
    status: targets.every((t) => t.status === 'pass') ? 'pass' : 'fail',
    targets,
    allowlist: allowlistOf(unique, deps.env),
  };
}

interface TargetDeps {
  readonly resolver: Resolver;
  readonly env: Env;
  readonly ca: Buffer | undefined;
  readonly timeoutMs: number;
  readonly monotonic: () => number;
}

async function checkTarget(url: URL, deps: TargetDeps): Promise<PreflightTarget> {
  const host = url.hostname;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const proxy = proxyFor(url, deps.env);
  const proxyUrl = proxy ? new URL(proxy) : null;
  const steps: PreflightStep[] = [];
  let socket: Socket | undefined;

  const hop = async <T>(
    name: PreflightStep['name'],
    subject: string,
    work: () => Promise<T>,
    detail: (value: T) => string,
  ): Promise<T | undefined> => {
    const start = deps.monotonic();
    try {
      const value = await work();
      steps.push({ name, status: 'pass', durationMs: Math.round(deps.monotonic() - start), detail: detail(value), error: null });
      return value;
    } catch (error) {
      const code = error instanceof HopError ? error.code : ((error as NodeJS.ErrnoException).code ?? 'ERROR');
      const message = error instanceof Error ? error.message : String(error);
      steps.push({
        name,
        status: 'fail',
        durationMs: Math.round(deps.monotonic() - start),
        detail: subject,
        error: { code, message, ...classify(name, code, subject) },
      });
      return undefined;
    }
  };
  const skip = (name: PreflightStep['name'], detail: string) => steps.push({ name, status: 'skipped', durationMs: 0, detail, error: null });

  try {
    // With a proxy, this machine resolves and connects to the proxy; the proxy resolves the endpoint.
    const dialHost = proxyUrl?.hostname ?? host;
    const dialPort = proxyUrl ? Number(proxyUrl.port || 80) : port;
    const addresses = await hop(
      'dns',
      dialHost,
      () => lookup(deps.resolver, dialHost, deps.timeoutMs),
      (list) => `${dialHost} → ${list.join(', ')}`,
    );
    socket = addresses
      ? await hop(
          'tcp',
          `${dialHost}:${dialPort}`,
          () => tcp(addresses[0]!, dialPort, deps.timeoutMs),
          () => `${addresses[0]}:${dialPort}`,
        )
      : undefined;
    if (!addresses) skip('tcp', `${dialHost}:${dialPort}`);
    if (proxyUrl) {
      const open = socket;
      socket = open
        ? await hop(
            'proxy',
            `${host}:${port}`,
            () => connectThrough(open, host, port, deps.timeoutMs),
            () => `CONNECT ${host}:${port} via ${proxyUrl.host}`,
          )
        : undefined;
      if (!open) skip('proxy', `${host}:${port}`);
    } else {
      skip('proxy', 'no proxy for this host');
    }
    if (url.protocol !== 'https:') skip('tls', 'plain HTTP endpoint');
    else if (!socket) skip('tls', host);
    else {
      const plain = socket;
      const secure = await hop(
        'tls',
        host,
        () => tls(plain, host, deps.ca, deps.timeoutMs),
        (s) => `${s.getProtocol() ?? 'TLS'} with ${host}`,
      );
      secure?.destroy();
    }
  } finally {
    socket?.destroy();
  }
  return {
    url: url.origin,
    host,
    port,
    proxy: proxyUrl ? proxyUrl.origin : null,
    status: steps.some((s) => s.status === 'fail') ? 'fail' : 'pass',
    steps,
  };
}
