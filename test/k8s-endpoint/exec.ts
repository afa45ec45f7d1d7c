import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { PodShell } from './model';

/**
 * `kubectl exec` over WebSocket, as kubectl 1.30 and later speak it first: the remote-command
 * sub-protocol v5 (or v4), where each binary message starts with its channel (1 stdout, 2 stderr,
 * 3 the exit status as a metav1.Status). The fixture is the container: it runs the command on this
 * machine under `sh`, with the pod's environment, and only the `sh -c <script>` form kubectl sends.
 */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDOUT = 1;
const STDERR = 2;
const STATUS = 3;
const RUN_LIMIT_MS = 30_000;

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const size = length < 126 ? 0 : length < 65536 ? 2 : 8;
  const header = Buffer.alloc(2 + size);
  header[0] = 0x80 | opcode;
  header[1] = size === 0 ? length : size === 2 ? 126 : 127;
  if (size === 2) header.writeUInt16BE(length, 2);
  if (size === 8) header.writeBigUInt64BE(BigInt(length), 2);
  return Buffer.concat([header, payload]);
}

const message = (channel: number, data: Buffer) => frame(0x2, Buffer.concat([Buffer.from([channel]), data]));

function exitStatus(code: number | null): object {
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: exit status ${code ?? 'unknown'}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code ?? 1) }] },
  };
}

/** Answers an upgrade request for `pods/<name>/exec`; false when it is not one the fixture serves. */
export function serveExec(req: IncomingMessage, socket: Duplex, shell: PodShell | undefined, query: URLSearchParams): boolean {
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const protocol = PROTOCOLS.find((p) => offered.includes(p));
  const key = req.headers['sec-websocket-key'];
  const command = query.getAll('command');
  if (!shell || !protocol || typeof key !== 'string' || command.length !== 3 || command[0] !== 'sh' || command[1] !== '-c') return false;
  const accept = createHash('sha1')
    .update(key + WEBSOCKET_GUID)
    .digest('base64');
  socket.write(
    `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
  );
  // The client's own messages (stdin close, pings) need no answer for a command that reads no input.
  socket.on('data', () => undefined);
  socket.on('error', () => undefined);
  const child = spawn('sh', ['-c', command[2] ?? ''], {
    env: { ...shell.env, PATH: `${shell.bin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
  child.stdout.on('data', (data: Buffer) => socket.write(message(STDOUT, data)));
  child.stderr.on('data', (data: Buffer) => socket.write(message(STDERR, data)));
  child.on('close', (code) => {
    clearTimeout(timer);
    socket.write(message(STATUS, Buffer.from(JSON.stringify(exitStatus(code)))));
    socket.end(frame(0x8, Buffer.from([0x03, 0xe8])));
  });
  return true;
}
