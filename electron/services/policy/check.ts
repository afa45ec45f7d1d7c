import { runSimulation, type RunSimulationResults, type Simulation } from '@cloud-copilot/iam-simulate';
import { USE_CASES, checkActionsFor, withAlwaysNeeded } from '../../../shared/iam/use-cases';
import { partitionOfRegion } from '../../../shared/regions';
import { type Lint, type ParsedPolicyCheckRequest, type PolicyCheckResult, type Verdict } from '../../../shared/policy/schema';
import { checkAction, exampleResource } from './actions';
import { lintDocument, parseDocument, type PolicyDocument } from './documents';
import { explain } from './explain';
import { analyzeTrustPolicy, subjectAdmits } from './trust';

const ACCOUNT = '123456789012';
const FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** iam-simulate reports bad input as an error result, but a few shapes make it throw; both become an error result. */
async function simulate(simulation: Simulation): Promise<RunSimulationResults> {
  try {
    return await runSimulation(simulation, {});
  } catch (error) {
    return { resultType: 'error', errors: { message: error instanceof Error ? error.message : String(error) } };
  }
}

function hasAllow(document: PolicyDocument): boolean {
  const raw = document.policy.Statement;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.some((s) => s !== null && typeof s === 'object' && (s as { Effect?: unknown }).Effect === 'Allow');
}

/** Which chosen use cases list an action, so a denied action says what it breaks. */
function useCasesNeeding(action: string, chosen: readonly string[]): string[] {
  return withAlwaysNeeded(chosen as never).filter((id) => USE_CASES[id].checkActions.includes(action));
}

function trustLint(request: ParsedPolicyCheckRequest, lint: Lint[]): void {
  if (!request.trust) return;
  const document = parseDocument('trust', request.trust, lint);
  if (!document) return;
  const analysis = analyzeTrustPolicy(document.policy);
  for (const problem of analysis.problems)
    lint.push({ severity: problem.severity, path: `trust.${problem.path}`, message: problem.message });
  const regionPartition = partitionOfRegion(request.region);
  for (const statement of analysis.webIdentity) {
    if (statement.providerPartition && regionPartition && statement.providerPartition !== regionPartition) {
      lint.push({
        severity: 'error',
        path: `trust.${statement.path}.Principal.Federated`,
        message: `The OIDC provider is in ${statement.providerPartition} but the region ${request.region} is in ${regionPartition}.`,
      });
    }
    const sa = request.serviceAccount;
    if (sa && statement.subjects.length > 0 && !subjectAdmits(statement.subjects, sa.namespace, sa.name)) {
      lint.push({
        severity: 'error',
        path: `trust.${statement.path}.Condition`,
        message: `The :sub condition (${statement.subjects.map((s) => s.value).join(', ')}) does not admit system:serviceaccount:${sa.namespace}:${sa.name}; STS will refuse AssumeRoleWithWebIdentity for the delegate.`,
      });
    }
  }
}

/**
 * Takes the request as its caller's schema check left it (the IPC router, the CLI's flags).
 * Evaluates every requested action against the identity policies, the permissions boundary, the
 * SCPs and the session policy with iam-simulate, and lints the documents. Bad input (malformed JSON,
 * unknown actions) is reported in `lint`, never thrown.
 */
export async function checkPolicies(request: ParsedPolicyCheckRequest): Promise<PolicyCheckResult> {
  const lint: Lint[] = [];
  const identity = request.identity.map((input) => parseDocument('identity', input, lint)).filter((d): d is PolicyDocument => d !== null);
  const boundary = request.boundary ? parseDocument('boundary', request.boundary, lint) : null;
  const scps = request.scps.map((input) => parseDocument('scp', input, lint)).filter((d): d is PolicyDocument => d !== null);
  const session = request.session ? parseDocument('session', request.session, lint) : null;
  const documents = [...identity, ...(boundary ? [boundary] : []), ...scps, ...(session ? [session] : [])];
  for (const document of documents) await lintDocument(document, request.region, lint);
  trustLint(request, lint);
  if (request.identity.length === 0)
    lint.push({
      severity: 'error',
      path: 'identity',
      message: 'Give at least one identity policy: the permissions of the role or user the connector uses.',
    });

  const wanted = [...new Set([...checkActionsFor(request.useCases), ...request.actions.map((a) => a.trim()).filter(Boolean)])];
  const actions: string[] = [];
  for (const action of wanted) {
    const check = await checkAction(action);
    if (check.ok) actions.push(check.canonical);
    else lint.push({ severity: 'error', path: `action ${action}`, message: check.message });
  }

  const labels = new Map<string, string>(
    documents.map((d) => [
      `${d.kind === 'boundary' ? 'pb' : d.kind}:${d.name}`,
      d.kind === 'boundary'
        ? `permissions boundary ${d.name}`
        : d.kind === 'scp'
          ? `SCP ${d.name}`
          : d.kind === 'session'
            ? `session policy ${d.name}`
            : `identity policy ${d.name}`,
    ]),
  );
  const label = (kind: string, id: string | undefined) =>
    labels.get(`${kind}:${id ?? ''}`) ??
    (kind === 'pb' && boundary
      ? `permissions boundary ${boundary.name}`
      : kind === 'session' && session
        ? `session policy ${session.name}`
        : `${kind} policy${id ? ` ${id}` : ''}`);

  const broken = lint.some((l) => l.severity === 'error' && !l.path.startsWith('action') && !l.path.startsWith('trust'));
  const results: Verdict[] = [];
  if (!broken && identity.length > 0) {
    const partition = partitionOfRegion(request.region) ?? 'aws';
    const principal = request.principal ?? `arn:${partition}:iam::${ACCOUNT}:role/HarnessConnectorRole`;
    const context = { 'aws:RequestedRegion': request.region, ...request.context };
    for (const action of actions) {
      let resource = request.resource ?? '*';
      const simulation: Simulation = {
        request: { principal, action, resource: { resource, accountId: ACCOUNT }, contextVariables: context },
        identityPolicies: identity.map((d) => ({ name: d.name, policy: d.policy })),
        serviceControlPolicies:
          scps.length > 0
            ? [
                {
                  orgIdentifier: 'organization',
                  policies: [
                    ...(scps.some(hasAllow) ? [] : [{ name: 'FullAWSAccess', policy: FULL_AWS_ACCESS }]),
                    ...scps.map((d) => ({ name: d.name, policy: d.policy })),
                  ],
                },
              ]
            : [],
        resourceControlPolicies: [],
        permissionBoundaryPolicies: boundary ? [{ name: boundary.name, policy: boundary.policy }] : undefined,
        sessionPolicy: session?.policy,
      };
      let outcome = await simulate(simulation);
      if (outcome.resultType === 'wildcard' && outcome.results.length === 0) {
        // "Any resource" matched no statement; evaluate one concrete resource so the refusal can be explained.
        const [service = '', name = ''] = action.split(':');
        const example = await exampleResource(service, name, partition, request.region, ACCOUNT);
        if (example) {
          resource = example;
          outcome = await simulate({ ...simulation, request: { ...simulation.request, resource: { resource, accountId: ACCOUNT } } });
        }
      }
      const useCases = useCasesNeeding(action, request.useCases);
      if (outcome.resultType === 'error') {
        lint.push({
          severity: 'error',
          path: `action ${action}`,
          message: `Could not evaluate ${action} on ${resource}: ${outcome.errors.message}.`,
        });
        continue;
      }
      const analyses = outcome.resultType === 'single' ? [outcome.result.analysis] : outcome.results.map((r) => r.analysis);
      // A wildcard resource is evaluated per pattern the policies name; the first refusal is the one to show.
      const analysis = analyses.find((a) => a.result !== 'Allowed') ?? analyses[0];
      const verdict = analysis
        ? explain(action, analysis, label)
        : {
            decision: 'implicit_deny' as const,
            reason: `Not allowed: no statement allows ${action} on any resource (implicit deny).`,
            policy: null,
            statement: null,
          };
      results.push({ action, resource, ...verdict, useCases });
    }
  }
  const denied = results.filter((r) => r.decision !== 'allowed').length;
  return { results, lint, summary: { allowed: results.length - denied, denied, skipped: wanted.length - results.length } };
}
