import { globMatch } from '../../../shared/policy/glob';
import type { LocatedStatement, PolicyDocument } from './documents';

type Statement = LocatedStatement['statement'];

/**
 * The part of a document one evaluation needs: the statements that can take part in it. Each keeps
 * its number in the document as written, so a verdict names the statement the user wrote.
 */
export interface Slice {
  readonly document: PolicyDocument;
  readonly statements: readonly LocatedStatement[];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Whether an Action entry covers `action` as IAM (and iam-simulate) reads it: `*`, or the same service
 * prefix in any case, a colon, and a glob over the action name, also in any case. The policy grammar
 * already allows only letters, digits, `*`, `?`, `,`, `-` and spaces there; a name with a space matches nothing.
 */
export function actionMatches(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  const split = pattern.indexOf(':');
  const [service = '', name = ''] = action.split(':');
  const wanted = pattern.slice(split + 1);
  return (
    split > 0 &&
    pattern.slice(0, split).toLowerCase() === service.toLowerCase() &&
    wanted.length > 0 &&
    !/\s/.test(wanted) &&
    globMatch(wanted, name, { ignoreCase: true })
  );
}

/** Whether a statement takes part in deciding `action`: an Action entry covers it, or no NotAction entry does. */
export function appliesTo(statement: Statement, action: string): boolean {
  if ('NotAction' in statement) return !strings(statement.NotAction).some((pattern) => actionMatches(pattern, action));
  return strings(statement.Action).some((pattern) => actionMatches(pattern, action));
}

/** The Resource entries of a statement, or null when it has no Resource element (NotResource): it may match any resource. */
export function resourceEntries(statement: Statement): string[] | null {
  return 'Resource' in statement ? strings(statement.Resource) : null;
}

/**
 * The resource patterns iam-simulate evaluates "any resource" on for an Allow: its Resource entries; for
 * a NotResource statement `*`, unless an entry already covers `*` (then it allows nothing anywhere).
 */
export function resourcePatterns(statement: Statement): string[] {
  const entries = resourceEntries(statement);
  if (entries) return entries;
  return strings(statement.NotResource).some((entry) => globMatch(entry, '*', { ignoreCase: true })) ? [] : ['*'];
}

/** iam-simulate reads an ARN with fewer than six parts as if the missing ones were `*`. */
export function expandShortArn(arn: string): string {
  const parts = arn.split(':');
  return arn.startsWith('arn:') && parts.length < 6 ? [...parts, ...Array<string>(6 - parts.length).fill('*')].join(':') : arn;
}

/**
 * The lower-cased text every resource an ARN pattern covers begins with: up to its first wildcard, policy
 * variable, or character iam-simulate would read as part of a regular expression (it does not escape `.`).
 * iam-simulate compares ARNs ignoring case.
 */
function literalPrefix(pattern: string): string {
  const end = pattern.search(/[^A-Za-z0-9:/_=,@-]/);
  return (end < 0 ? pattern : pattern.slice(0, end)).toLowerCase();
}

/** Two ARN patterns can share a resource only when the literal prefix of one begins the other's. */
function mayOverlap(a: string, b: string): boolean {
  const x = literalPrefix(a);
  const y = literalPrefix(b);
  return x.startsWith(y) || y.startsWith(x);
}

/** Whether every resource `entry` names is named by `pattern` too: always for `*`, and for `<literal>*` when the entry begins with that literal. */
function within(entry: string, pattern: string): boolean {
  if (pattern === '*') return true;
  const literal = pattern.slice(0, -1);
  if (!pattern.endsWith('*') || literalPrefix(literal) !== literal.toLowerCase() || entry.includes('${')) return false;
  return entry.startsWith(literal) && literalPrefix(entry).length >= literal.length;
}

/**
 * A statement cut down to what can matter for `pattern`, or null when nothing can: Resource entries that
 * cannot overlap the pattern are dropped. In an identity Allow, entries wholly within the pattern become
 * `collapseTo` (the pattern itself, or `*`): an Allow matches a wildcard request when any entry overlaps it,
 * and `*` matches every request, so whether the statement matches stays the same. iam-simulate evaluates
 * an allowed wildcard request once more for every distinct entry of the identity Allows; collapsed, it has
 * one entry to do that for instead of thousands.
 */
export function narrow(
  located: LocatedStatement,
  pattern: string,
  kind: PolicyDocument['kind'],
  collapseTo: string,
): LocatedStatement | null {
  const entries = resourceEntries(located.statement);
  if (entries === null) return located;
  const overlapping = entries.filter((entry) => mayOverlap(entry, pattern));
  if (overlapping.length === 0) return null;
  const collapse = kind === 'identity' && located.statement.Effect === 'Allow';
  const kept = collapse ? [...new Set(overlapping.map((entry) => (within(entry, pattern) ? collapseTo : entry)))] : overlapping;
  const unchanged = kept.length === entries.length && kept.every((entry, i) => entry === entries[i]);
  return unchanged ? located : { ...located, statement: { ...located.statement, Resource: kept } };
}

/**
 * A statement that must stay in an evaluation whether or not it can match the pattern: one that let the
 * request on every resource through. Only identity Allows are cut down (to one entry if none overlaps the
 * pattern): any entry of theirs matches that request, and each costs iam-simulate an evaluation. Other
 * policies keep every entry, since an SCP ignores short ARNs and the entry that let the request through
 * may be one that cannot match the pattern.
 */
export function keepApart(located: LocatedStatement, pattern: string, kind: PolicyDocument['kind'], collapseTo: string): LocatedStatement {
  if (kind !== 'identity') return located;
  const [first] = resourceEntries(located.statement) ?? [];
  return (
    narrow(located, pattern, kind, collapseTo) ?? {
      ...located,
      statement: { ...located.statement, Resource: first === undefined ? [] : [first] },
    }
  );
}

/** Identical statements decide identically; the first is kept, because a verdict names the first statement that decided. */
export function dedupe(statements: readonly LocatedStatement[]): LocatedStatement[] {
  const seen = new Set<string>();
  return statements.filter(({ statement }) => {
    const { Sid: _sid, ...rest } = statement;
    const key = JSON.stringify(rest);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface IndexedStatement {
  readonly slice: number;
  readonly statement: LocatedStatement;
}

/** Finds the statements whose Resource entries may overlap a pattern, without comparing the pattern with every statement. */
export class ResourceIndex {
  private readonly byPrefix = new Map<string, IndexedStatement[]>();
  private readonly anywhere: IndexedStatement[] = [];
  private readonly lengths: number[];
  private readonly prefixes: string[];

  constructor(slices: readonly Slice[]) {
    slices.forEach((slice, index) => {
      for (const statement of slice.statements) {
        const located = { slice: index, statement };
        const entries = resourceEntries(statement.statement);
        if (entries === null) this.anywhere.push(located);
        for (const prefix of new Set((entries ?? []).map(literalPrefix))) {
          const list = this.byPrefix.get(prefix);
          if (list) list.push(located);
          else this.byPrefix.set(prefix, [located]);
        }
      }
    });
    this.prefixes = [...this.byPrefix.keys()].sort();
    this.lengths = [...new Set(this.prefixes.map((prefix) => prefix.length))].sort((a, b) => a - b);
  }

  /** The statements that may match a request on `pattern`: those whose literal prefix begins the pattern's or extends it. */
  near(pattern: string): Set<IndexedStatement> {
    const prefix = literalPrefix(pattern);
    const found = new Set(this.anywhere);
    const add = (key: string) => this.byPrefix.get(key)?.forEach((located) => found.add(located));
    for (const length of this.lengths) if (length <= prefix.length) add(prefix.slice(0, length));
    for (let i = lowerBound(this.prefixes, prefix); this.prefixes[i]?.startsWith(prefix); i += 1) add(this.prefixes[i] ?? '');
    return found;
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? '') < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
