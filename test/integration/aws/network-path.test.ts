import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { buildWorld, startAwsEndpoint, type AwsEndpoint } from '../../aws-endpoint';
import { manualConnector, run, secretsOf } from './helpers';

/**
 * The SDK path of a test honours AWS_CA_BUNDLE and HTTPS_PROXY/NO_PROXY: an HTTPS loopback endpoint
 * with a self-signed certificate made at test time, and a loopback CONNECT proxy that counts tunnels.
 */
const dir = tempDir('awb-netpath-');
const world = buildWorld();
let endpoint: AwsEndpoint;
let proxy: Server;
let proxyPort = 0;
const tunnels: string[] = [];
const sockets = new Set<Socket>();

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
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  endpoint = await startAwsEndpoint(world.config, {
    key: readFileSync(join(dir.path, 'key.pem')),
    cert: readFileSync(join(dir.path, 'cert.pem')),
  });
  proxy = createServer((_, res) => res.writeHead(405).end());
  proxy.on('connect', (req, client: Socket) => {
    sockets.add(client);
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
  });
  proxyPort = await new Promise<number>((resolve) =>
    proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as { port: number }).port)),
  );
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => proxy.close(resolve));
  await endpoint.close();
  dir.remove();
});

const gci = (result: Awaited<ReturnType<typeof run>>) => result.regions[0]?.checks.find((c) => c.name === 'sts_get_caller_identity');

describe('TLS trust and proxy on the SDK path', () => {
  it('an untrusted certificate is tls_certificate_error with the AWS_CA_BUNDLE fix', async () => {
    const result = await run(manualConnector(world.admin), { endpointUrl: endpoint.url }, { secrets: secretsOf(world.admin) });
    expect(gci(result)?.error).toMatchObject({ class: 'tls_certificate_error' });
    expect(gci(result)?.error?.fix).toContain('AWS_CA_BUNDLE');
  });

  it('passes once AWS_CA_BUNDLE trusts the certificate; a missing bundle file is reported as such', async () => {
    const ok = await run(
      manualConnector(world.admin),
      { endpointUrl: endpoint.url },
      { secrets: secretsOf(world.admin), env: { AWS_CA_BUNDLE: join(dir.path, 'cert.pem') } },
    );
    expect(ok.status).toBe('pass');
    const missing = await run(
      manualConnector(world.admin),
      { endpointUrl: endpoint.url },
      { secrets: secretsOf(world.admin), env: { AWS_CA_BUNDLE: join(dir.path, 'nope.pem') } },
    );
    expect(missing.regions[0]?.checks[0]?.error).toMatchObject({
      class: 'tls_certificate_error',
      message: expect.stringContaining('nope.pem'),
    });
  });

  it('goes through HTTPS_PROXY with CONNECT, and straight to the endpoint when NO_PROXY names it', async () => {
    const env = { AWS_CA_BUNDLE: join(dir.path, 'cert.pem'), HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` };
    const before = tunnels.length;
    const through = await run(manualConnector(world.admin), { endpointUrl: endpoint.url }, { secrets: secretsOf(world.admin), env });
    expect(through.status).toBe('pass');
    expect(tunnels.slice(before)).toContain(`127.0.0.1:${endpoint.port}`);
    const count = tunnels.length;
    const direct = await run(
      manualConnector(world.admin),
      { endpointUrl: endpoint.url },
      { secrets: secretsOf(world.admin), env: { ...env, NO_PROXY: '127.0.0.1' } },
    );
    expect(direct.status).toBe('pass');
    expect(tunnels.length).toBe(count);
  });
});
