import { writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { apiGroupList, apiResourceList, apiVersions, findResource, type Resource } from './discovery';
import { serveExec } from './exec';
import type { ClusterSpec, K8sObject, K8sRequest } from './model';
import { selfSignedCertificate } from './tls';

export interface K8sEndpoint {
  readonly url: string;
  /** Every request, in arrival order, with the status it got. */
  readonly requests: K8sRequest[];
  /** Writes a kubeconfig for this server (its CA, the user's token, `context` as the current context) into `dir`. */
  kubeconfig(dir: string, context: string): string;
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details: object = {},
  ) {
    super(message);
  }
}

function status(error: ApiError): object {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: error.message,
    reason: error.reason,
    details: error.details,
    code: error.code,
  };
}

const qualified = (resource: Resource) => (resource.group ? `${resource.plural}.${resource.group}` : resource.plural);

function notFound(resource: Resource, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualified(resource)} "${name}" not found`, {
    name,
    ...(resource.group ? { group: resource.group } : {}),
    kind: resource.plural,
  });
}

/** `k=v,k2==v2`: the equality selectors kubectl -l and --field-selector send. */
function selector(text: string | null): Array<[string, string]> {
  if (!text) return [];
  return text.split(',').map((term) => {
    const [key = '', value = ''] = term.split(/==?/);
    if (!key || /!/.test(term)) throw new ApiError(400, 'BadRequest', `unable to parse requirement: ${term}`);
    return [key.trim(), value.trim()];
  });
}

function fieldOf(object: K8sObject, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), object);
}

interface Route {
  readonly resource: Resource;
  readonly namespace: string | null;
  readonly name: string | null;
  readonly sub: string | null;
}

/** `/api/v1/namespaces/ns/pods/name/log` and `/apis/apps/v1/namespaces/ns/deployments` into their parts. */
function route(parts: readonly string[]): Route | { discovery: object } | null {
  const [root, ...rest] = parts;
  const [group, version, ...tail] = root === 'api' ? ['', ...rest] : root === 'apis' ? rest : [];
  if (version === undefined) return null;
  if (tail.length === 0) {
    const list = apiResourceList(group ?? '', version);
    return list ? { discovery: list } : null;
  }
  const namespaced = tail[0] === 'namespaces' && tail.length >= 3;
  const [plural, name = null, sub = null] = namespaced ? tail.slice(2) : tail;
  const resource = findResource(group ?? '', version, plural ?? '');
  if (!resource || (namespaced && !resource.namespaced) || tail.length > (namespaced ? 5 : 2)) return null;
  return { resource, namespace: namespaced ? (tail[1] ?? null) : null, name, sub };
}

/**
 * A loopback Kubernetes API server with just enough of the API for the collect script's reads:
 * discovery, get and list of pods, service accounts, events, deployments, statefulsets and cluster
 * role bindings (label and field selectors), pod logs, and exec over WebSocket. It answers reads
 * only: any other method is refused and recorded, so a test can prove nothing was changed. Secrets
 * are served like any object, so a test can prove they were never asked for.
 */
export async function startK8sEndpoint(spec: ClusterSpec): Promise<K8sEndpoint> {
  const requests: K8sRequest[] = [];
  let url = '';

  const objectsOf = (resource: Resource, namespace: string | null) =>
    spec.objects.filter((o) => o.kind === resource.kind && (namespace === null || o.metadata.namespace === namespace));

  function get(r: Route, query: URLSearchParams): { type: string; body: string } {
    const json = (value: unknown) => ({ type: 'application/json', body: JSON.stringify(value) });
    if (r.name === null) {
      const labels = selector(query.get('labelSelector'));
      const fields = selector(query.get('fieldSelector'));
      const items = objectsOf(r.resource, r.namespace).filter(
        (o) => labels.every(([k, v]) => o.metadata.labels?.[k] === v) && fields.every(([k, v]) => String(fieldOf(o, k)) === v),
      );
      const listVersion = r.resource.group ? `${r.resource.group}/${r.resource.version}` : r.resource.version;
      return json({ kind: `${r.resource.kind}List`, apiVersion: listVersion, metadata: { resourceVersion: '4711' }, items });
    }
    const object = objectsOf(r.resource, r.namespace).find((o) => o.metadata.name === r.name);
    if (!object) throw notFound(r.resource, r.name);
    if (r.sub === null) return json(object);
    if (r.sub !== 'log' || r.resource.kind !== 'Pod')
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    const container = query.get('container') ?? '';
    const text = spec.logs[`${r.namespace}/${r.name}/${container}`];
    if (text === undefined) throw new ApiError(400, 'BadRequest', `container ${container} is not valid for pod ${r.name}`);
    const tail = Number(query.get('tailLines') ?? 'NaN');
    const lines = text.replace(/\n$/, '').split('\n');
    return { type: 'text/plain', body: Number.isInteger(tail) && tail >= 0 ? `${lines.slice(-tail).join('\n')}\n` : text };
  }

  function answer(req: IncomingMessage, parsed: URL): { type: string; body: string } {
    if (req.headers.authorization !== `Bearer ${spec.token}`) throw new ApiError(401, 'Unauthorized', 'Unauthorized');
    if (req.method !== 'GET')
      throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    const parts = parsed.pathname.split('/').filter(Boolean);
    const json = (value: unknown) => ({ type: 'application/json', body: JSON.stringify(value) });
    if (parsed.pathname === '/version')
      return json({
        ...spec.version,
        gitCommit: '0000000',
        gitTreeState: 'clean',
        goVersion: 'go1.22.5',
        compiler: 'gc',
        platform: 'linux/amd64',
      });
    if (parsed.pathname === '/api') return json(apiVersions(new URL(url).host));
    if (parsed.pathname === '/apis') return json(apiGroupList());
    const found = route(parts);
    if (!found) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    return 'discovery' in found ? json(found.discovery) : get(found, parsed.searchParams);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: K8sRequest = { method: req.method ?? 'GET', path: parsed.pathname, query: parsed.search, upgrade: false, status: 0 };
    requests.push(record);
    try {
      const { type, body } = answer(req, parsed);
      record.status = 200;
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, 'InternalError', 'the loopback API server failed');
      record.status = failure.code;
      res.writeHead(failure.code, { 'content-type': 'application/json' }).end(JSON.stringify(status(failure)));
    }
  }

  function upgrade(req: IncomingMessage, socket: Duplex): void {
    const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
    const record: K8sRequest = { method: req.method ?? 'GET', path: parsed.pathname, query: parsed.search, upgrade: true, status: 0 };
    requests.push(record);
    const found =
      req.headers.authorization === `Bearer ${spec.token}` && req.method === 'GET'
        ? route(parsed.pathname.split('/').filter(Boolean))
        : null;
    const pod =
      found && 'resource' in found && found.resource.kind === 'Pod' && found.sub === 'exec' ? `${found.namespace}/${found.name}` : null;
    if (pod && serveExec(req, socket, spec.shells?.[pod], parsed.searchParams)) {
      record.status = 101;
      return;
    }
    record.status = 400;
    const body = 'exec is not served for this pod';
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
  }

  const tls = selfSignedCertificate();
  const server = createServer(tls, handle);
  server.on('upgrade', upgrade);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    kubeconfig(dir, context) {
      const path = join(dir, 'kubeconfig');
      writeFileSync(
        path,
        [
          'apiVersion: v1',
          'kind: Config',
          'clusters:',
          '- name: delegates',
          '  cluster:',
          `    server: ${url}`,
          `    certificate-authority-data: ${tls.cert.toString('base64')}`,
          'contexts:',
          `- name: ${JSON.stringify(context)}`,
          '  context:',
          '    cluster: delegates',
          '    user: support',
          `current-context: ${JSON.stringify(context)}`,
          'users:',
          '- name: support',
          '  user:',
          `    token: ${spec.token}`,
          '',
        ].join('\n'),
      );
      return path;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
