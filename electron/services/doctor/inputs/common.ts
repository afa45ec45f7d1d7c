import type { PartitionId } from '../../../../shared/regions';

/** A piece of an input's text with its offsets, so a fact can be shown as evidence where it was read. */
export interface Spot {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Field values are quoted in explanations; a pasted megabyte in one field is cut here. */
const MAX_FIELD = 300;

export function field(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : trimmed.slice(0, MAX_FIELD);
}

export function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function spotAt(text: string, start: number, end: number): Spot {
  return { text: text.slice(start, end), start, end };
}

/** The first place `value` appears in `text` from `from` on, or null. */
export function spotOf(text: string, value: string | null, from = 0): Spot | null {
  if (!value) return null;
  const at = text.indexOf(value, from);
  return at < 0 ? null : spotAt(text, at, at + value.length);
}

/**
 * Where a JSON field's value sits: the first `"key"` followed within a few characters by the value.
 * Parsing JSON loses offsets; looking only a bounded number of keys ahead keeps this linear.
 */
export function spotOfField(text: string, key: string, value: string | null): Spot | null {
  if (!value) return null;
  const quotedKey = `"${key}"`;
  let from = 0;
  for (let tries = 0; tries < 50; tries += 1) {
    const at = text.indexOf(quotedKey, from);
    if (at < 0) return null;
    const window = text.slice(at + quotedKey.length, at + quotedKey.length + 12 + value.length);
    const inside = window.indexOf(value);
    if (inside >= 0) {
      const start = at + quotedKey.length + inside;
      return spotAt(text, start, start + value.length);
    }
    from = at + quotedKey.length;
  }
  return null;
}

/** Lines of a text with their offsets, at most `limit` of them and none longer than `maxLine`. */
export function* linesOf(text: string, limit = 20_000, maxLine = 4000): Generator<{ line: string; start: number }> {
  let start = 0;
  for (let n = 0; n < limit && start <= text.length; n += 1) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    yield { line: text.slice(start, Math.min(end, start + maxLine)).replace(/\r$/, ''), start };
    if (newline < 0) return;
    start = newline + 1;
  }
}

const CLIENT_TOKEN =
  /^(terraform-provider-aws|aws-cli|aws-sdk-[a-z0-9-]{1,24}|Boto3|botocore|aws-chalice|eksctl|Pulumi|Terraform|aws-cdk|CDK|md\/awscdk)\/([0-9][\w.+-]{0,30})/i;
/** More specific tools first: Terraform's user agent also names the Go SDK it is built on. */
const CLIENT_ORDER = ['terraform-provider-aws', 'pulumi', 'eksctl', 'aws-cdk', 'cdk', 'aws-cli', 'boto3', 'botocore'];

/** The tool or SDK and its version from an AWS user agent ("aws-cli/2.15.0 Python/3.11 …"). */
export function clientOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  if (/^(?:console|signin)\.amazonaws\.com$/i.test(userAgent)) return 'the AWS console';
  if (/^AWS Internal$/i.test(userAgent)) return 'an AWS service (AWS Internal)';
  const found: { name: string; text: string }[] = [];
  for (const token of userAgent.replace(/[[\]]/g, ' ').split(/\s+/, 40)) {
    const match = CLIENT_TOKEN.exec(token);
    if (match?.[1] && match[2]) found.push({ name: match[1].toLowerCase(), text: `${match[1]}/${match[2]}` });
  }
  const rank = (name: string) => {
    const at = CLIENT_ORDER.indexOf(name);
    return at < 0 ? CLIENT_ORDER.length : at;
  };
  found.sort((a, b) => rank(a.name) - rank(b.name));
  return found[0]?.text ?? null;
}

/** Where a client ran, from the platform its user agent or version line names. */
export function placeOfAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  if (/exec-env\/AWS_Lambda/i.test(userAgent)) return 'AWS Lambda';
  if (/exec-env\/AWS_ECS/i.test(userAgent)) return 'an ECS task';
  if (/\bamzn2(?:023)?\b|\.amzn\d/i.test(userAgent)) return 'Amazon Linux (an EC2 instance or EKS node)';
  if (/\bDarwin\/|\bmacOS\b|os\/macos/i.test(userAgent)) return 'macOS (a laptop or desktop, no instance metadata)';
  if (/\bWindows\/|os\/windows/i.test(userAgent)) return 'Windows (usually a workstation)';
  if (/microsoft-standard-WSL/i.test(userAgent)) return 'WSL on a Windows workstation (no instance metadata)';
  return null;
}

export interface PartitionFact {
  readonly partition: PartitionId;
  readonly what: string;
  readonly at: Spot | null;
}
