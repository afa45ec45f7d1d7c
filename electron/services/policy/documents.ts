import {
  validateIdentityPolicy,
  validateServiceControlPolicy,
  validateSessionPolicy,
  validateTrustPolicy,
} from '@cloud-copilot/iam-policy';
import { partitionOfArn, partitionOfRegion } from '../../../shared/regions';
import type { Lint, PolicyDocumentInput, PolicyKind } from '../../../shared/policy/schema';
import { checkAction } from './actions';

/** One policy document as the check uses it: where it came from and its parsed JSON. */
export interface PolicyDocument {
  readonly kind: PolicyKind;
  readonly name: string;
  /** How lint paths and verdicts name it: `identity[harness]`, `scp[region-guard]`, `boundary`. */
  readonly label: string;
  readonly policy: Record<string, unknown>;
}

/** Each kind of policy has its own grammar (a trust policy needs Principal, an SCP may not have one). */
const VALIDATORS: Readonly<Record<PolicyKind, (policy: unknown) => { path: string; message: string }[]>> = {
  identity: validateIdentityPolicy,
  boundary: validateIdentityPolicy,
  scp: validateServiceControlPolicy,
  session: validateSessionPolicy,
  trust: validateTrustPolicy,
};

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Parses and validates one document; malformed JSON becomes a lint error with its position, a policy
 * that breaks the grammar one error per problem with its JSON path, never an exception.
 */
export function parseDocument(kind: PolicyKind, input: PolicyDocumentInput, lint: Lint[]): PolicyDocument | null {
  const label = kind === 'identity' || kind === 'scp' ? `${kind}[${input.name}]` : kind;
  let value: unknown;
  try {
    value = JSON.parse(input.text) as unknown;
  } catch (error) {
    // V8 quotes up to 20 characters of the text after "Unexpected token"; a pasted key would come back in the lint.
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /, (?:\.\.\.)?"[\s\S]*"(?:\.\.\.)? is not valid JSON$/,
      '',
    );
    const position = /position (\d+)/.exec(message)?.[1];
    lint.push({
      severity: 'error',
      path: label,
      message: `Not valid JSON${position ? ` at ${lineAndColumn(input.text, Number(position))}` : ''}: ${message}`,
    });
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    lint.push({ severity: 'error', path: label, message: 'A policy is a JSON object with Version and Statement.' });
    return null;
  }
  let errors: { path: string; message: string }[];
  try {
    errors = VALIDATORS[kind](value);
  } catch (error) {
    // The validator itself trips on some shapes (a Condition operator mapped to null); that is a malformed policy too.
    errors = [{ path: 'Statement', message: `The policy could not be read: ${error instanceof Error ? error.message : String(error)}` }];
  }
  for (const error of errors) lint.push({ severity: 'error', path: `${label}.${error.path}`, message: error.message });
  return errors.length > 0 ? null : { kind, name: input.name, label, policy: value as Record<string, unknown> };
}

function statementsOf(policy: Record<string, unknown>): { statement: Record<string, unknown>; path: string }[] {
  const raw = policy.Statement;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((statement, index) =>
    statement !== null && typeof statement === 'object' && !Array.isArray(statement)
      ? [{ statement: statement as Record<string, unknown>, path: Array.isArray(raw) ? `Statement[${index}]` : 'Statement' }]
      : [],
  );
}

function stringsAt(value: unknown): { value: string; suffix: string }[] {
  if (typeof value === 'string') return [{ value, suffix: '' }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => (typeof item === 'string' ? [{ value: item, suffix: `[${index}]` }] : []));
  return [];
}

/**
 * Lint beyond syntax: action names that exist nowhere (a typo never matches, so the Allow silently does
 * nothing) with the closest real name, and ARNs from a partition other than the region's.
 */
export async function lintDocument(document: PolicyDocument, region: string, lint: Lint[]): Promise<void> {
  const regionPartition = partitionOfRegion(region);
  for (const { statement, path } of statementsOf(document.policy)) {
    for (const field of ['Action', 'NotAction'] as const) {
      for (const { value, suffix } of stringsAt(statement[field])) {
        if (value === '*') continue;
        const check = await checkAction(value, true);
        if (!check.ok)
          lint.push({
            severity: 'warning',
            path: `${document.label}.${path}.${field}${suffix}`,
            message: `${check.message} This entry matches nothing.`,
          });
      }
    }
    for (const field of ['Resource', 'NotResource'] as const) {
      for (const { value, suffix } of stringsAt(statement[field])) {
        const partition = partitionOfArn(value);
        if (partition && regionPartition && partition !== regionPartition) {
          lint.push({
            severity: 'warning',
            path: `${document.label}.${path}.${field}${suffix}`,
            message: `${value} is in the ${partition} partition but the region ${region} is in ${regionPartition}; it will never match requests there.`,
          });
        }
      }
    }
  }
}
