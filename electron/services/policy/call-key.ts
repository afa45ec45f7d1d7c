import { globMatch } from '../../../shared/policy/glob';
import { expandShortArn, type Slice } from './slices';

/** One call of iam-simulate: the request's resource, the pattern it asks about, the statements it gets. */
export interface Call {
  readonly resource: string;
  /** Whether iam-simulate goes on to evaluate the request on each pattern the identity Allows name. */
  readonly expands: boolean;
  readonly pattern: string;
  /** Which of iam-simulate's per-pattern results answer the question; null: all of them. */
  readonly reports: readonly string[] | null;
  readonly slices: readonly Slice[];
  /** The Resource entries read to cut the statements down for this pattern: the work of building the call. */
  readonly examined: number;
}

type Statement = Slice['statements'][number]['statement'];

/** Condition keys iam-simulate may fill from the requested resource rather than from the request's context. */
function resourceDerived(key: string): boolean {
  const lower = key.toLowerCase();
  return !lower.startsWith('aws:') || lower.startsWith('aws:resource');
}

function conditionKeys(statement: Statement): string[] {
  const condition = statement.Condition;
  if (typeof condition !== 'object' || condition === null) return [];
  return Object.values(condition).flatMap((operands) => (typeof operands === 'object' && operands !== null ? Object.keys(operands) : []));
}

/**
 * The statement with the asked pattern written as a placeholder, or null when its outcome could depend on
 * which resource of that shape is asked: a Resource entry other than `*` and the pattern itself, a policy
 * variable, or a condition on a key taken from the resource. The Sid is left out: only naming reads it.
 */
function generic(statement: Statement, names: ReadonlyMap<string, string>): Statement | null {
  const { Sid: _sid, ...rest } = statement;
  const field = 'Resource' in rest ? 'Resource' : 'NotResource';
  const value = rest[field];
  const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const placed = entries.map((entry) => (entry === '*' ? entry : typeof entry === 'string' ? names.get(entry) : undefined));
  if (placed.includes(undefined) || conditionKeys(statement).some(resourceDerived)) return null;
  const written = { ...rest, [field]: placed };
  return JSON.stringify(written).includes('${') ? null : written;
}

/**
 * What iam-simulate can tell apart in the asked resource when every statement names it only as itself
 * or `*`: its partition, service, region and account, where its wildcards and separators are, and which
 * of the action's resource types (ARN templates, variables as `*`) it fits.
 */
function shapeOf(asked: string, templates: readonly string[]): string {
  const parts = asked.split(':');
  const skeleton = [...parts.slice(5).join(':')].filter((c) => '*?/:'.includes(c)).join('');
  const types = templates.map((template) => (globMatch(template, asked, { ignoreCase: true }) ? '1' : '0')).join('');
  return [parts.slice(0, 5).join(':'), skeleton, types].join('|');
}

/**
 * A key under which calls share one answer: the same action, documents and statements, the asked pattern
 * replaced by a placeholder, on a resource of the same shape. Ten thousand Allows, each on its own bucket,
 * then cost iam-simulate one evaluation instead of ten thousand. Null when the call must run on its own.
 */
export function callKey(action: string, call: Call, templates: readonly string[]): string | null {
  const asked = expandShortArn(call.pattern);
  const names = new Map([
    [call.pattern, '<pattern>'],
    [asked, '<asked>'],
  ]);
  const slices = [];
  for (const slice of call.slices) {
    const statements = [];
    for (const { statement } of slice.statements) {
      const written = generic(statement, names);
      if (written === null) return null;
      statements.push(written);
    }
    slices.push([slice.document.kind, slice.document.name, statements]);
  }
  const tag = (resource: string) => names.get(resource) ?? (resource === '*' ? '*' : null);
  const reports = (call.reports ?? []).map(tag);
  if (tag(call.resource) === null || reports.includes(null)) return null;
  return JSON.stringify([action, tag(call.resource), call.expands, call.reports === null, reports, shapeOf(asked, templates), slices]);
}
