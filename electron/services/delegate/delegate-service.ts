import { isMap, isScalar } from 'yaml';
import type { DelegateForm } from '../../../shared/delegate/form';
import type { ManifestProblem } from '../../../shared/delegate/problems';
import type { DelegateAnalysis, DelegateArtifacts, IrsaResult } from '../../../shared/delegate/results';
import { applyEdits } from '../../../shared/delegate/edits';
import { isAppError } from '../../../shared/errors';
import { formProblems } from './form-problems';
import { buildArtifacts, type ManifestFacts } from './generate/artifacts';
import { applyServiceAccountEdits, irsaAnnotations } from './irsa';
import { locate, type LocatedManifest } from './locate';
import { nodeAt, parseManifest, stringAt } from './manifest';
import { ROLE_ARN_ANNOTATION, findPlaceholders, leftoverIrsaAnnotation, validateManifest } from './validate';
import { resolveRole } from './role';
import { SecretInEditError, findSecretValues, hideSecretValues } from './secret-values';

/** What a delegate manifest contains and what is wrong with it, before any edit; no Secret value in it. */
export function analyzeManifest(text: string): DelegateAnalysis {
  const manifest = parseManifest(text);
  const located = locate(manifest);
  const { workload, binding } = located;
  const subject = binding?.subject ?? null;
  return hideSecretValues<DelegateAnalysis>(
    {
      objects: located.objects.map(({ index, apiVersion, kind, name, namespace, line }) => ({
        index,
        apiVersion,
        kind,
        name,
        namespace,
        line,
      })),
      workload: workload
        ? {
            kind: workload.kind,
            name: workload.name ?? '',
            namespace: workload.namespace,
            line: workload.line,
            serviceAccount: workload.serviceAccount,
            image: typeof workload.image?.value === 'string' ? workload.image.value : null,
          }
        : null,
      binding: binding
        ? {
            kind: binding.kind,
            name: binding.name ?? '',
            line: binding.line,
            subject: subject
              ? {
                  name: stringAt(subject, ['name']) ?? '',
                  namespace: stringAt(subject, ['namespace']),
                  line: manifest.lineOf(subject.range?.[0] ?? 0),
                }
              : null,
          }
        : null,
      serviceAccounts: located.serviceAccounts.map((sa) => ({
        name: sa.name ?? '',
        namespace: sa.namespace,
        roleArn: stringAt(sa.root, ['metadata', 'annotations', ROLE_ARN_ANNOTATION]),
        line: sa.line,
      })),
      hasUpgrader: located.objects.some((o) => o.kind === 'CronJob' && /upgrader/.test(o.name ?? '')),
      placeholders: manifest.errors.length > 0 ? [] : findPlaceholders(manifest, located),
      problems: validateManifest(manifest, located),
    },
    findSecretValues(manifest, located),
  );
}

function manifestFacts(located: LocatedManifest): ManifestFacts {
  const { workload, binding } = located;
  const labels = workload ? nodeAt(workload.root, ['spec', 'template', 'metadata', 'labels']) : null;
  const firstLabel = isMap(labels) ? labels.items[0] : undefined;
  const podLabel =
    firstLabel && isScalar(firstLabel.key) && isScalar(firstLabel.value)
      ? `${String(firstLabel.key.value)}=${String(firstLabel.value.value)}`
      : null;
  return {
    namespace: workload?.namespace ?? null,
    workload: workload ? { kind: workload.kind, name: workload.name ?? '', podLabel } : null,
    binding: binding ? { kind: binding.kind, name: binding.name ?? '' } : null,
  };
}

/** The service account's annotations for the form's mechanism, or the problem that there is no role for IRSA's. */
function annotationsFor(form: DelegateForm): { ok: true; annotations: Record<string, string> } | { ok: false; problem: ManifestProblem } {
  // Pod Identity's edits need no role: the association, made in EKS, names it.
  if (form.mechanism === 'pod-identity') return { ok: true, annotations: {} };
  const role = resolveRole(form);
  if (!role.ok) return role;
  return { ok: true, annotations: irsaAnnotations({ roleArn: role.arn, stsRegionalEndpoints: form.stsRegionalEndpoints }) };
}

/** Problems of the patched manifest for the form's mechanism. */
function outputProblems(output: ReturnType<typeof parseManifest>, located: LocatedManifest, form: DelegateForm): ManifestProblem[] {
  const role = resolveRole(form);
  return [
    ...formProblems(form),
    ...(form.mechanism === 'pod-identity' && !role.ok ? [role.problem] : []),
    ...validateManifest(output, located, form, form.serviceAccount),
    ...(form.mechanism === 'pod-identity' ? leftoverIrsaAnnotation(output, located) : []),
  ];
}

/**
 * Makes the manifest IRSA-ready, or Pod Identity-ready (the same edits without the annotation), and
 * generates everything that goes with it. The edits are splices against `text`; nothing in the
 * result (edits, problems, changes, artifacts) holds a Secret value. Problems refer to lines of the
 * patched manifest when there is one (untouched lines keep their text), else of the input. The form
 * arrives checked by its caller's schema (the IPC router, the CLI).
 */
export function prepareIrsa(text: string, form: DelegateForm): IrsaResult {
  const input = parseManifest(text);
  const inputLocated = locate(input);
  const secrets = findSecretValues(input, inputLocated);
  const fallback = (problems: ManifestProblem[]): IrsaResult => ({
    edits: null,
    changes: [],
    problems: hideSecretValues(problems, secrets),
    artifacts: hideSecretValues(buildArtifacts(form, input.errors.length > 0 ? null : manifestFacts(inputLocated)), secrets),
  });
  const inputProblems = validateManifest(input, inputLocated, form, form.serviceAccount);
  if (input.errors.length > 0 || !inputLocated.workload) return fallback(inputProblems);

  const wanted = annotationsFor(form);
  if (!wanted.ok) return fallback([wanted.problem, ...formProblems(form), ...inputProblems]);
  const namespace =
    form.namespace ??
    inputLocated.workload.namespace ??
    (inputLocated.binding?.subject ? stringAt(inputLocated.binding.subject, ['namespace']) : null);
  if (!namespace) {
    return fallback([
      {
        code: 'missing-namespace',
        severity: 'error',
        line: inputLocated.workload.line,
        message: `The ${inputLocated.workload.kind} names no namespace, so the service account's namespace is unknown.`,
        fix: 'Enter the namespace the delegate is deployed to (Harness uses harness-delegate-ng).',
      },
      ...inputProblems,
    ]);
  }

  let edited;
  try {
    edited = applyServiceAccountEdits(text, { serviceAccount: form.serviceAccount, namespace, annotations: wanted.annotations });
  } catch (error) {
    if (!isAppError(error) || error instanceof SecretInEditError) throw error;
    return fallback([
      { code: 'flow-style', severity: 'error', line: null, message: error.value.message, fix: error.value.fix },
      ...inputProblems,
    ]);
  }
  const output = parseManifest(applyEdits(text, edited.edits));
  const located = locate(output);
  return {
    edits: edited.edits,
    ...hideSecretValues(
      { changes: edited.changes, problems: outputProblems(output, located, form), artifacts: buildArtifacts(form, manifestFacts(located)) },
      secrets,
    ),
  };
}

/** The generated texts alone, for when there is no manifest (a Helm install, say). */
export function generateArtifacts(form: DelegateForm): DelegateArtifacts {
  return buildArtifacts(form);
}
