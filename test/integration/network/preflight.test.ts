import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowlistText } from '../../../electron/services/network/allowlist';
import type { Resolver } from '../../../electron/services/network/hops';
import { runPreflight } from '../../../electron/services/network/preflight';
import { tempDir } from '../../helpers/temp-dir';

/**
 * Every server here listens on 127.0.0.1 and the resolver is injected: AWS host names resolve to
 * loopback, so the preflight walks a real DNS → TCP → proxy → TLS path without leaving the machine.
 */
const HOST = 'sts.us-east-1.amazonaws.com';
const dir = tempDir('awb-preflight-');
const servers: Array<Server | HttpServer> = [];
const sockets = new Set<Socket>();
const resolver: Resolver = async (host) => {
  if (host.endsWith('.amazonaws.com') || host === 'proxy.corp.example') return ['127.0.0.1'];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

let tlsPort = 0;
let silentPort = 0;
let refusedPort = 0;
let proxyPort = 0;
let denyingProxyPort = 0;
const tunnels: string[] = [];

function listen(server: Server | HttpServer): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** A CONNECT proxy that tunnels everything to 127.0.0.1, remembering what it was asked for. */
function proxy(allow: boolean): HttpServer {
  const server = createHttpServer((_, res) => res.writeHead(405).end());
  server.on('connect', (req, client: Socket) => {
    tunnels.push(req.url ?? '');
    if (!allow) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const port = Number((req.url ?? '').split(':')[1]);
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
  });
  return server;
}

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      join(dir.path, 'key.pem'),
      '-out',
      join(dir.path, 'cert.pem'),
      '-subj',
      `/CN=${HOST}`,
      '-addext',
      `subjectAltName=DNS:${HOST}`,
    ],
    { stdio: 'ignore' },
  );
  tlsPort = await listen(
    createTlsServer({ key: readFileSync(join(dir.path, 'key.pem')), cert: readFileSync(join(dir.path, 'cert.pem')) }, (socket) =>
      socket.end(),
    ),
  );
  silentPort = await listen(createServer(() => undefined));
  const closed = createServer();
  refusedPort = await new Promise<number>((resolve) =>
    closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)),
  );
  await new Promise((resolve) => closed.close(resolve));
  proxyPort = await listen(proxy(true));
  denyingProxyPort = await listen(proxy(false));
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  dir.remove();
});

const url = (port: number, host = HOST) => new URL(`https://${host}:${port}`);
const step = (result: Awaited<ReturnType<typeof runPreflight>>, name: string) => result.targets[0]?.steps.find((s) => s.name === name);

describe('network preflight', () => {
  it('an untrusted self-signed certificate fails the TLS hop with tls_certificate_error after DNS and TCP passed', async () => {
    const result = await runPreflight([url(tlsPort)], 2000, { resolver, env: {} });
    expect(step(result, 'dns')).toMatchObject({ status: 'pass', detail: `${HOST} → 127.0.0.1` });
    expect(step(result, 'tcp')?.status).toBe('pass');
    expect(step(result, 'proxy')?.status).toBe('skipped');
    expect(step(result, 'tls')).toMatchObject({
      status: 'fail',
      error: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT', class: 'tls_certificate_error' },
    });
    expect(step(result, 'tls')?.error?.fix).toContain('AWS_CA_BUNDLE');
    expect(result.status).toBe('fail');
  });

  it('the same server passes once AWS_CA_BUNDLE trusts its certificate', async () => {
    const result = await runPreflight([url(tlsPort)], 2000, { resolver, env: { AWS_CA_BUNDLE: join(dir.path, 'cert.pem') } });
    expect(step(result, 'tls')).toMatchObject({ status: 'pass', detail: expect.stringMatching(/^TLSv1\.[23] with /) });
    expect(result.status).toBe('pass');
    expect(result.targets[0]?.steps.every((s) => s.durationMs >= 0)).toBe(true);
  });

  it('a refused port fails the TCP hop with network_unreachable, and TLS is not attempted', async () => {
    const result = await runPreflight([url(refusedPort)], 2000, { resolver, env: {} });
    expect(step(result, 'tcp')).toMatchObject({ status: 'fail', error: { code: 'ECONNREFUSED', class: 'network_unreachable' } });
    expect(step(result, 'tls')?.status).toBe('skipped');
  });

  it('a socket that never answers times out in the TLS handshake', async () => {
    const result = await runPreflight([url(silentPort)], 300, { resolver, env: {} });
    expect(step(result, 'tcp')?.status).toBe('pass');
    expect(step(result, 'tls')).toMatchObject({ status: 'fail', error: { code: 'ETIMEDOUT', class: 'network_unreachable' } });
  });

  it('a name that does not resolve is endpoint_resolution_error', async () => {
    const result = await runPreflight([url(tlsPort, 'sts.us-east-1a.example.invalid')], 2000, { resolver, env: {} });
    expect(step(result, 'dns')).toMatchObject({ status: 'fail', error: { code: 'ENOTFOUND', class: 'endpoint_resolution_error' } });
    expect(step(result, 'tcp')?.status).toBe('skipped');
  });

  it('goes through HTTPS_PROXY with CONNECT, unless NO_PROXY exempts the host', async () => {
    const env = { HTTPS_PROXY: `http://proxy.corp.example:${proxyPort}`, AWS_CA_BUNDLE: join(dir.path, 'cert.pem') };
    const before = tunnels.length;
    const through = await runPreflight([url(tlsPort)], 2000, { resolver, env });
    expect(step(through, 'dns')?.detail).toBe('proxy.corp.example → 127.0.0.1');
    expect(step(through, 'proxy')).toMatchObject({
      status: 'pass',
      detail: `CONNECT ${HOST}:${tlsPort} via proxy.corp.example:${proxyPort}`,
    });
    expect(step(through, 'tls')?.status).toBe('pass');
    expect(tunnels.slice(before)).toEqual([`${HOST}:${tlsPort}`]);
    expect(through.allowlist).toEqual([`proxy.corp.example:${proxyPort} (proxy)`, `${HOST}:${tlsPort}`]);

    const direct = await runPreflight([url(tlsPort)], 2000, { resolver, env: { ...env, NO_PROXY: '.amazonaws.com' } });
    expect(direct.targets[0]?.proxy).toBeNull();
    expect(tunnels.length).toBe(before + 1);
  });

  it('a proxy that refuses the tunnel fails the proxy hop', async () => {
    const result = await runPreflight([url(tlsPort)], 2000, { resolver, env: { HTTPS_PROXY: `http://127.0.0.1:${denyingProxyPort}` } });
    expect(step(result, 'proxy')).toMatchObject({ status: 'fail', error: { code: 'PROXY_403', class: 'network_unreachable' } });
    expect(step(result, 'proxy')?.error?.fix).toMatch(/NO_PROXY/);
  });

  it('exports the allowlist as plain text', () => {
    const text = allowlistText(['ec2.us-east-1.amazonaws.com:443', 'sts.us-east-1.amazonaws.com:443']);
    writeFileSync(join(dir.path, 'allowlist.txt'), text);
    expect(readFileSync(join(dir.path, 'allowlist.txt'), 'utf8').split('\n').slice(1, 3)).toEqual([
      'ec2.us-east-1.amazonaws.com:443',
      'sts.us-east-1.amazonaws.com:443',
    ]);
  });
});
