import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

/** Resolves a host name to addresses; injected so tests never touch real DNS. */
export type Resolver = (host: string) => Promise<string[]>;

export class HopError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new HopError('ETIMEDOUT', `${what}: no answer within ${ms} ms.`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function lookup(resolver: Resolver, host: string, timeoutMs: number): Promise<string[]> {
  if (isIP(host)) return [host];
  const addresses = await withTimeout(resolver(host), timeoutMs, `DNS lookup of ${host}`, () => undefined);
  if (addresses.length === 0) throw new HopError('ENOTFOUND', `DNS has no address for ${host}.`);
  return addresses;
}

export function tcp(address: string, port: number, timeoutMs: number): Promise<Socket> {
  const socket = netConnect({ host: address, port });
  const connected = new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      reject(new HopError(error.code ?? 'ECONNRESET', `TCP connection to ${address}:${port} failed: ${error.message}`)),
    );
  });
  return withTimeout(connected, timeoutMs, `TCP connection to ${address}:${port}`, () => socket.destroy());
}

/** Asks an HTTP proxy to open a tunnel to host:port; resolves with the tunnelled socket. */
export function connectThrough(socket: Socket, host: string, port: number, timeoutMs: number): Promise<Socket> {
  const tunnel = new Promise<Socket>((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      const end = buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(buffer)?.[1];
      if (status === '200') resolve(socket);
      else
        reject(
          new HopError(
            `PROXY_${status ?? 'BAD_RESPONSE'}`,
            `The proxy refused the tunnel to ${host}:${port} (${buffer.slice(0, end).split('\r\n')[0] ?? 'no status line'}).`,
          ),
        );
    };
    socket.on('data', onData);
    socket.once('error', (error) => reject(new HopError('ECONNRESET', `The proxy closed the connection: ${error.message}`)));
    socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n\r\n`);
  });
  return withTimeout(tunnel, timeoutMs, `Proxy tunnel to ${host}:${port}`, () => socket.destroy());
}

export function tls(socket: Socket, servername: string, ca: Buffer | undefined, timeoutMs: number): Promise<TLSSocket> {
  const secure = tlsConnect({ socket, servername: isIP(servername) ? undefined : servername, ...(ca ? { ca } : {}) });
  const done = new Promise<TLSSocket>((resolve, reject) => {
    secure.once('secureConnect', () => resolve(secure));
    secure.once('error', (error: NodeJS.ErrnoException) =>
      reject(new HopError(error.code ?? 'ERR_TLS', `TLS handshake with ${servername} failed: ${error.message}`)),
    );
  });
  return withTimeout(done, timeoutMs, `TLS handshake with ${servername}`, () => secure.destroy());
}
