import {
  validateIdentityPolicy,
  validateServiceControlPolicy,
  validateSessionPolicy,
  validateTrustPolicy,
} from '@cloud-copilot/iam-policy';
import { partitionOfArn, partitionOfRegion } from '../../../shared/regions';
import { POLICY_LIMITS, type Lint, type PolicyDocumentInput, type PolicyKind } from '../../../shared/policy/schema';
import { checkAction, type ActionCheck } from './actions';

/** One policy document as the check uses it: where it came from, its parsed JSON and its statements. */
export interface PolicyDocument {
  readonly kind: PolicyKind;
  readonly name: string;
  /** How lint paths and verdicts name it: `identity[harness]`, `scp[region-guard]`, `boundary`. */
  readonly label: string;
  readonly policy: Record<string, unknown>;
  readonly statements: readonly LocatedStatement[];
}

/** How many statements a check may still read: the text limits alone let a check bring hundreds of thousands. */
export interface StatementAllowance {
  remaining: number;
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

/** Books the document's statements against the check's allowance, or says it is too large; before validating, which costs per statement. */
function takeStatements(label: string, policy: object, lint: Lint[], allowance: StatementAllowance): boolean {
  const raw = (policy as { Statement?: unknown }).Statement;
  const count = Array.isArray(raw) ? raw.length : 1;
  if (count <= allowance.remaining) {
    allowance.remaining -= count;
    return true;
  }
  lint.push({
    severity: 'error',
    path: label,
    message: `${label} has ${count.toLocaleString('en-US')} statements, more than this check can still read: one check reads at most ${POLICY_LIMITS.maxStatements.toLocaleString('en-US')} statements in all its policies. Check the policies in several parts, or remove repeated statements.`,
  });
  return false;
}

/**
 * Parses and validates one document; malformed JSON becomes a lint error with its position, a policy
 * that breaks the grammar one error per problem with its JSON path, never an exception.
 */
export function parseDocument(
  kind: PolicyKind,
  input: PolicyDocumentInput,
  lint: Lint[],
  allowance: StatementAllowance,
): PolicyDocument | null {
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
  if (!takeStatements(label, value, lint, allowance)) return null;
  let errors: { path: string; message: string }[];
  try {
    errors = VALIDATORS[kind](value);
  } catch (error) {
    // The validator itself trips on some shapes (a Condition operator mapped to null); that is a malformed policy too.
    errors = [{ path: 'Statement', message: `The policy could not be read: ${error instanceof Error ? error.message : String(error)}` }];
  }
  for (const error of errors) lint.push({ severity: 'error', path: `${label}.${error.path}`, message: error.message });
  if (errors.length > 0) return null;
  const policy = value as Record<string, unknown>;
  return { kind, name: input.name, label, policy, statements: statementsOf(policy) };
}

/** A statement with where it stands: its JSON path, and its 1-based number, by which a verdict names a statement without a Sid. */
export interface LocatedStatement {
  readonly statement: Record<string, unknown>;
  readonly path: string;
  readonly number: number;
}

export function statementsOf(policy: Record<string, unknown>): LocatedStatement[] {
  const raw = policy.Statement;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.flatMap((statement, index) =>
    statement !== null && typeof statement === 'object' && !Array.isArray(statement)
      ? [
          {
            statement: statement as Record<string, unknown>,
            path: Array.isArray(raw) ? `Statement[${index}]` : 'Statement',
            number: index + 1,
          },
        ]
      : [],
  );
}

function stringsAt(value: unknown): { value: string; suffix: string }[] {
  if (typeof value === 'string') return [{ value, suffix: '' }];
  if (Array.isArray(value))
    return value.flatMap((item, index) => (typeof item === 'string' ? [{ value: item, suffix: `[${index}]` }] : []));
  return [];
}

/** Enough warnings to fix first; beyond them each document gets one line saying how many more it has. */
const MAX_WARNINGS = 100;

/**
 * Lint beyond syntax, for the documents of one check: action names that exist nowhere (a typo never
 * matches, so the Allow silently does nothing) with the closest real name, and ARNs from a partition
 * other than the region's. A generated policy repeats the same actions thousands of times, so each name
 * is looked up once; a hostile one invents thousands, so warnings (and the costly closest-name search)
 * stop at MAX_WARNINGS.
 */
export class PolicyLinter {
  private readonly lookups = new Map<string, Promise<ActionCheck>>();
  private listed = 0;
  private readonly region: string;
  private readonly lint: Lint[];

  constructor(region: string, lint: Lint[]) {
    this.region = region;
    this.lint = lint;
  }

  async check(document: PolicyDocument): Promise<void> {
    let unlisted = 0;
    const warn = (path: string, message: string) => {
      if (this.listed >= MAX_WARNINGS) unlisted += 1;
      else {
        this.listed += 1;
        this.lint.push({ severity: 'warning', path: `${document.label}.${path}`, message });
      }
    };
    for (const { statement, path } of document.statements) {
      for (const field of ['Action', 'NotAction'] as const) {
        for (const { value, suffix } of stringsAt(statement[field])) {
          if (value === '*') continue;
          const check = await this.lookUp(value);
          if (!check.ok) warn(`${path}.${field}${suffix}`, `${check.message} This entry matches nothing.`);
        }
      }
      for (const field of ['Resource', 'NotResource'] as const)
        for (const { value, suffix } of stringsAt(statement[field])) {
          const problem = this.partitionProblem(value);
          if (problem) warn(`${path}.${field}${suffix}`, problem);
        }
    }
    if (unlisted > 0)
      this.lint.push({
        severity: 'warning',
        path: document.label,
        message: `${unlisted.toLocaleString('en-US')} more warnings about ${document.label} are not listed; a check lists at most ${MAX_WARNINGS}.`,
      });
  }

  private lookUp(action: string): Promise<ActionCheck> {
    const known = this.lookups.get(action);
    if (known) return known;
    const check = checkAction(action, { allowWildcards: true, suggest: this.listed < MAX_WARNINGS });
    this.lookups.set(action, check);
    return check;
  }

  private partitionProblem(arn: string): string | null {
    const partition = partitionOfArn(arn);
    const regionPartition = partitionOfRegion(this.region);
    return partition && regionPartition && partition !== regionPartition
      ? `${arn} is in the ${partition} partition but the region ${this.region} is in ${regionPartition}; it will never match requests there.`
      : null;
  }
}
