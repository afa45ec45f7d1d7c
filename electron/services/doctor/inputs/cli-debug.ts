import { partitionOfRegion } from '../../../../shared/regions';
import { findAll, findFirst } from '../scan';
import { placeOfAgent, spotAt, type Spot } from './common';

/** What an AWS CLI `--debug` log says about the credential chain, the endpoint and the outcome. */
export interface CliDebugFacts {
  readonly kind: 'aws_cli_debug';
  readonly version: Spot | null;
  readonly place: string | null;
  /** Providers in the order botocore tried them ("Looking for credentials via: env"). */
  readonly providersTried: readonly Spot[];
  /** The line where the chain found credentials, if it did. */
  readonly found: Spot | null;
  readonly endpointHosts: readonly Spot[];
  readonly signingRegion: Spot | null;
  readonly retries: number;
  readonly imds: Spot | null;
  /** The last error line of the log: what the user saw. */
  readonly finalError: Spot | null;
}

const MARKER =
  /\b(?:botocore\.(?:credentials|endpoint|hooks|auth|regions|httpsession|parsers|retryhandler)|awscli\.clidriver|urllib3\.connectionpool)\b/;
/** Where the outcome is printed: the last part of a long log. */
const TAIL = 64 * 1024;

export function looksLikeCliDebug(head: string): boolean {
  return MARKER.test(head) && / - (?:DEBUG|INFO) - |\[DEBUG\]/.test(head);
}

function group(text: string, located: { start: number; text: string; groups: readonly (string | undefined)[] }): Spot | null {
  const value = located.groups[0];
  if (!value) return null;
  const at = located.start + located.text.lastIndexOf(value);
  return spotAt(text, at, at + value.length);
}

/** Older CLIs print no platform; the paths in a traceback still tell a Mac or Windows machine. */
function placeOfPath(text: string): string | null {
  if (findFirst(text, /"\/Users\/[\w.-]{1,40}\//)) return 'macOS (a laptop or desktop, no instance metadata)';
  if (findFirst(text, /[A-Z]:\\(?:Users|Program Files)\\/)) return 'Windows (usually a workstation)';
  return null;
}

export function readCliDebug(text: string): CliDebugFacts {
  const version = findFirst(text, /CLI version: (aws-cli\/[0-9][\w.]{0,20}[^\n,]{0,200})/);
  const providersTried = findAll(text, /Looking for credentials via: ([a-z0-9-]{1,40})/g, 20).flatMap((hit) => group(text, hit) ?? []);
  const found = findFirst(text, /Found credentials (?:in|from) [^\n]{1,160}/);
  const hosts: Spot[] = [];
  for (const hit of findAll(
    text,
    /(?:Starting new HTTPS? connection \(\d{1,4}\): |'url': 'https?:\/\/|Endpoint provider result: https?:\/\/|url=https?:\/\/)([a-z0-9][a-z0-9.-]{0,252})/g,
    40,
  )) {
    const spot = group(text, hit);
    if (spot && !hosts.some((host) => host.text === spot.text) && hosts.length < 8) hosts.push(spot);
  }
  const signing =
    findFirst(text, /Credential=[A-Z0-9]{16,128}\/\d{8}\/([a-z0-9-]{2,30})\/[a-z0-9-]{1,40}\/aws4_request/) ??
    findFirst(text, /'(?:client_region|signing_region|region)': '([a-z0-9-]{2,30})'/) ??
    findFirst(text, /'Region': '([a-z0-9-]{2,30})'/);
  const signingRegion = signing ? group(text, signing) : null;
  const retries = findAll(
    text,
    /Retry needed, retrying request after delay|retrying request after delay of|Max attempts of \d{1,3} reached/g,
    100,
  ).length;
  const tailStart = Math.max(0, text.length - TAIL);
  const errors = findAll(
    text.slice(tailStart),
    /An error occurred \([A-Za-z0-9.]{1,80}\)[^\n]{0,300}|\b[A-Za-z.]{0,60}(?:Error|Exception): [^\n]{1,300}|Unable to locate credentials[^\n]{0,200}/g,
    500,
  );
  const last = errors[errors.length - 1];
  return {
    kind: 'aws_cli_debug',
    version: version ? group(text, version) : null,
    place: placeOfAgent(version?.text ?? null) ?? placeOfPath(text),
    providersTried,
    found,
    endpointHosts: hosts,
    signingRegion: signingRegion && partitionOfRegion(signingRegion.text) ? signingRegion : null,
    retries,
    imds: findFirst(text, /IMDS ENDPOINT: [^\n]{1,80}|169\.254\.169\.254|Attempting credential retrieval from IMDS|instance metadata/i),
    finalError: last ? spotAt(text, tailStart + last.start, tailStart + last.end) : null,
  };
}
