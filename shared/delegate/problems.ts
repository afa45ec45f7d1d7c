import { z } from 'zod';

export const MANIFEST_PROBLEM_CODES = [
  'yaml-syntax',
  'no-workload',
  'no-binding',
  'missing-namespace',
  'namespace-mismatch',
  'partition-mismatch',
  'missing-role',
  'invalid-role-arn',
  'invalid-issuer',
  'deprecated-api',
  'latest-image',
  'placeholder',
  'invalid-service-account-name',
  'invalid-namespace',
  'flow-style',
  'invalid-cluster-name',
  'invalid-region',
  'irsa-annotation',
  'undocumented-partition',
] as const;

export const manifestProblemSchema = z.object({
  code: z.enum(MANIFEST_PROBLEM_CODES),
  /** Errors stop the manifest from working (or the edit from being made); warnings deserve a look. */
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  fix: z.string(),
  /** 1-based line in the manifest the problem was found in; null when it concerns the form alone. */
  line: z.number().int().positive().nullable(),
});
export type ManifestProblem = z.infer<typeof manifestProblemSchema>;
export type ManifestProblemCode = ManifestProblem['code'];

export function hasErrors(problems: readonly ManifestProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
