import { shellQuote } from './shell';

/** The delegate workload as the manifest names it, with the first label of its pod template (`key=value`). */
export type WorkloadFacts = { readonly kind: string; readonly name: string; readonly podLabel: string | null } | null;

/** `deployment/<name>` for kubectl, or a placeholder when there is no manifest to read it from. */
export function workloadTarget(workload: WorkloadFacts): string {
  return shellQuote(workload ? `${workload.kind.toLowerCase()}/${workload.name}` : 'deployment/<delegate name>');
}

/** The delegate's pods; Harness's manifest labels them `harness.io/name=delegate`. */
export function podSelector(workload: WorkloadFacts): string {
  return `-l ${shellQuote(workload?.podLabel ?? 'harness.io/name=delegate')}`;
}
