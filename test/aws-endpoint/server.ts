import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { isKnownRegion } from '../../shared/regions';
import { authenticate } from './auth';
import { authorizeEc2, describeRegions } from './ec2';
import { eksReply } from './eks';
import { iamAction, iamError, iamSuccess } from './iam';
import { EndpointError, type AccountSpec, type EndpointConfig, type PrincipalSpec, type RequestRecord, type Service } from './model';
import { parseAuthorization } from './sigv4';
import { assumeRole, assumeRoleWithWebIdentity, getCallerIdentity } from './sts';
import { ec2Success, errorBody, stsSuccess, type XmlObject } from './xml';

export interface AwsEndpoint {
  /** `http://127.0.0.1:<port>` (https with `tls`): give it to clients as their endpoint URL, whatever the region. */
  readonly url: string;
  readonly port: number;
  /** Every request answered (or still hanging, with status 0), in arrival order. */
  readonly requests: RequestRecord[];
  /** Adds principals after start, e.g. temporary credentials minted by a test. */
  addPrincipal(principal: PrincipalSpec): void;
  close(): Promise<void>;
}

const EC2_ACTIONS = new Set(['DescribeRegions']);
const SIGNED_SERVICES = new Set<string>(['ec2', 'iam', 'eks']);
/** The service a credential scope names; any other is answered as STS. */
const signedService = (name: string): Service => (SIGNED_SERVICES.has(name) ? (name as Service) : 'sts');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A signed request names service and region in its credential scope; an unsigned one may name the region as the first path segment. */
function routeOf(req: IncomingMessage, path: string, action: string, fallbackRegion: string): { service: Service; region: string } {
  const auth = parseAuthorization(req.headers.authorization);
  const pathRegion = path.split('/').find(Boolean);
  const region = auth?.region ?? (pathRegion && isKnownRegion(pathRegion) ? pathRegion : fallbackRegion);
  const service: Service = auth ? signedService(auth.service) : EC2_ACTIONS.has(action) ? 'ec2' : 'sts';
  return { service, region };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A loopback stand-in for AWS STS and EC2 that speaks their real Query wire protocols, verifies
 * SigV4 against the keys it was given and answers with AWS's exact XML documents and error codes.
 * One server serves every region: the region comes from each request's credential scope.
 */
export async function startAwsEndpoint(config: EndpointConfig, tls?: { key: Buffer; cert: Buffer }): Promise<AwsEndpoint> {
  const principals = new Map(config.principals.map((p) => [p.accessKeyId, p]));
  const accounts = new Map<string, AccountSpec>(config.accounts.map((a) => [a.id, a]));
  const account = (id: string) => accounts.get(id);
  const now = config.now ?? (() => new Date());
  const requests: RequestRecord[] = [];
  const faultCounters = new Map<string, { serverErrors: number; throttles: number }>();

  function counters(region: string) {
    let entry = faultCounters.get(region);
    if (!entry) {
      entry = { serverErrors: config.faults?.[region]?.serverErrors ?? 0, throttles: config.faults?.[region]?.throttles ?? 0 };
      faultCounters.set(region, entry);
    }
    return entry;
  }

  async function injectFaults(service: Service, region: string): Promise<'hang' | undefined> {
    const fault = config.faults?.[region];
    if (!fault) return undefined;
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.hang) return 'hang';
    const count = counters(region);
    if (count.serverErrors > 0) {
      count.serverErrors -= 1;
      throw service === 'sts'
        ? new EndpointError(
            500,
            'InternalFailure',
            'The request processing has failed because of an unknown error, exception or failure.',
            'Receiver',
          )
        : new EndpointError(500, 'InternalError', 'An internal error has occurred.', 'Receiver');
    }
    if (count.throttles > 0) {
      count.throttles -= 1;
      throw service === 'sts'
        ? new EndpointError(400, 'Throttling', 'Rate exceeded')
        : new EndpointError(503, 'RequestLimitExceeded', 'Request limit exceeded.');
    }
    return undefined;
  }

  function callerOf(service: Service, region: string, req: IncomingMessage, path: string, query: string, body: Buffer) {
    return authenticate({
      request: { method: req.method ?? 'POST', path, query, headers: req.headers, body },
      service,
      region,
      now: now(),
      principals,
      account,
    });
  }

  /** The result to render; IAM's comes rendered, its lists being `<member>` elements. */
  function dispatch(
    service: Service,
    region: string,
    action: string,
    params: URLSearchParams,
    req: IncomingMessage,
    path: string,
    query: string,
    body: Buffer,
  ): XmlObject | string {
    const call = { params, region, now: now(), state: { principals, roles: config.roles ?? [], account } };
    if (service === 'sts' && action === 'AssumeRoleWithWebIdentity') return assumeRoleWithWebIdentity(call);
    const caller = callerOf(service, region, req, path, query, body);
    if (service === 'iam') return iamAction({ action, params, caller, account: account(caller.account), roles: config.roles ?? [] });
    if (service === 'sts') {
      if (action === 'GetCallerIdentity') return getCallerIdentity(call, caller);
      if (action === 'AssumeRole') return assumeRole(call, caller);
    }
    if (service === 'ec2' && action === 'DescribeRegions') {
      authorizeEc2(caller, account(caller.account), region, 'ec2:DescribeRegions');
      return describeRegions(params, caller, account(caller.account));
    }
    throw new EndpointError(400, 'InvalidAction', `Could not find operation ${action} for version ${params.get('Version') ?? ''}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const params = new URLSearchParams(url.search);
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params.append(key, value);
    const action = params.get('Action') ?? '';
    const { service, region } = routeOf(req, url.pathname, action, config.defaultRegion ?? 'us-east-1');
    const record = {
      service,
      region,
      action,
      accessKeyId: parseAuthorization(req.headers.authorization)?.accessKeyId ?? null,
      status: 0,
      code: null as string | null,
    };
    requests.push(record);
    const requestId = randomUUID();
    res.sendDate = false;
    res.setHeader('Date', now().toUTCString());
    res.setHeader('x-amzn-RequestId', requestId);
    res.setHeader('Content-Type', 'text/xml');
    try {
      if ((await injectFaults(service, region)) === 'hang') return;
      if (service === 'eks') {
        const reply = eksReply(req.method ?? 'GET', url.pathname, region, config.clusters ?? [], () =>
          callerOf(service, region, req, url.pathname, url.search.slice(1), body),
        );
        record.status = reply.status;
        res.writeHead(reply.status, reply.headers).end(reply.body);
        return;
      }
      const result = dispatch(service, region, action, params, req, url.pathname, url.search.slice(1), body);
      record.status = 200;
      res.statusCode = 200;
      if (typeof result === 'string') res.end(iamSuccess(action, result, requestId));
      else res.end(service === 'sts' ? stsSuccess(action, result, requestId) : ec2Success(action, result, requestId));
    } catch (error) {
      const failure =
        error instanceof EndpointError
          ? error
          : new EndpointError(500, 'InternalFailure', 'An internal error occurred in the loopback endpoint.', 'Receiver');
      record.status = failure.status;
      record.code = failure.code;
      res.statusCode = failure.status;
      res.end(
        service === 'iam'
          ? iamError(failure.code, failure.message, failure.type, requestId)
          : errorBody(service, failure.code, failure.message, failure.type, requestId),
      );
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => void handle(req, res);
  const server: Server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    addPrincipal: (principal) => principals.set(principal.accessKeyId, principal),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
