import type { RunResult } from '../../../../shared/aws-test/result';
import { delegateSection, policySectionOf, type ReportRequest } from '../../../../shared/report/build';
import type { OtherSection } from '../../../../shared/report/schema';
import { workbench } from '../delegate/delegate-state.svelte';
import { doctor } from '../doctor/doctor-state.svelte';
import { policy } from '../policy/policy-state.svelte';

/** What a report is made of, without its options: the export dialog's input, from whichever view opened it. */
export type ReportSources = Pick<ReportRequest, 'runIds' | 'results' | 'sections'>;

/** A run from the Test view: by its id once history has it, else the result itself. */
export function runSources(result: RunResult): ReportSources {
  return result.recording?.status === 'recorded' ? { runIds: [result.runId] } : { results: [result] };
}

/** A view's current section as what to report, or null while it has none. */
export function sectionSources(section: OtherSection | null): ReportSources | null {
  return section ? { sections: [section] } : null;
}

/** The Doctor's current diagnosis, or null before there is one. */
export function doctorSection(): OtherSection | null {
  return doctor.result ? { type: 'doctor', result: doctor.result } : null;
}

/** The Policy view's current check, its documents by name and kind, or null before there is one. */
export function policySection(): OtherSection | null {
  if (!policy.result) return null;
  const named = (kind: 'identity' | 'boundary' | 'scp' | 'session' | 'trust') =>
    policy.filled(kind).map(({ name, text }) => ({ name, text }));
  const [namespace, name] = policy.serviceAccount.split(':').map((part) => part.trim());
  return policySectionOf(
    {
      identity: named('identity'),
      boundary: named('boundary')[0],
      scps: named('scp'),
      session: named('session')[0],
      trust: named('trust')[0],
      useCases: [...policy.useCases],
      region: policy.region.trim() || 'us-east-1',
      resource: policy.resource.trim() || undefined,
      serviceAccount: namespace && name ? { namespace, name } : undefined,
    },
    policy.result,
  );
}

/** The Delegate view's current result: the change summary, validation, and the generated policies and commands. */
export function delegateResultSection(): OtherSection | null {
  const artifacts = workbench.result?.artifacts ?? workbench.artifacts;
  return artifacts ? delegateSection(workbench.mechanism, workbench.result, artifacts) : null;
}

/** The results the other views hold now, for the Reports view to offer. */
export function currentSections(): Array<{ id: 'doctor' | 'policy' | 'delegate'; label: string; section: OtherSection | null }> {
  return [
    { id: 'doctor', label: 'Current Doctor diagnosis', section: doctorSection() },
    { id: 'policy', label: 'Current policy check', section: policySection() },
    { id: 'delegate', label: 'Current Delegate YAML result', section: delegateResultSection() },
  ];
}
