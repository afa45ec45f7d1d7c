import { z } from 'zod';
import { manifestProblemSchema } from './problems';

const line = z.number().int().positive();

export const manifestObjectSchema = z.object({
  index: z.number().int().nonnegative(),
  apiVersion: z.string().nullable(),
  kind: z.string().nullable(),
  name: z.string().nullable(),
  namespace: z.string().nullable(),
  line,
});

export const delegateAnalysisSchema = z.object({
  objects: z.array(manifestObjectSchema),
  workload: z
    .object({
      kind: z.enum(['Deployment', 'StatefulSet']),
      name: z.string(),
      namespace: z.string().nullable(),
      line,
      /** The service account the pods run as; `default` when the pod spec names none. */
      serviceAccount: z.string(),
      image: z.string().nullable(),
    })
    .nullable(),
  binding: z
    .object({
      kind: z.enum(['ClusterRoleBinding', 'RoleBinding']),
      name: z.string(),
      line,
      subject: z.object({ name: z.string(), namespace: z.string().nullable(), line }).nullable(),
    })
    .nullable(),
  serviceAccounts: z.array(
    z.object({ name: z.string(), namespace: z.string().nullable(), roleArn: z.string().nullable(), line }),
  ),
  hasUpgrader: z.boolean(),
  placeholders: z.array(z.object({ name: z.string(), lines: z.array(line) })),
  problems: z.array(manifestProblemSchema),
});
export type DelegateAnalysis = z.infer<typeof delegateAnalysisSchema>;

export const diffRowSchema = z.object({
  kind: z.enum(['same', 'removed', 'added']),
  /** 1-based line numbers on each side; null on the side the line does not exist. */
  before: line.nullable(),
  after: line.nullable(),
  text: z.string(),
});
export type DiffRow = z.infer<typeof diffRowSchema>;

export const sideBySideRowSchema = z.object({
  left: z.object({ line, text: z.string(), changed: z.boolean() }).nullable(),
  right: z.object({ line, text: z.string(), changed: z.boolean() }).nullable(),
});
export type SideBySideRow = z.infer<typeof sideBySideRowSchema>;

export const manifestDiffSchema = z.object({
  rows: z.array(diffRowSchema),
  sideBySide: z.array(sideBySideRowSchema),
  unified: z.string(),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
});
export type ManifestDiff = z.infer<typeof manifestDiffSchema>;

/** One generated text; `text` is null when the form lacks what it needs, listed in `needs`. */
export const artifactSchema = z.object({
  title: z.string(),
  fileName: z.string(),
  text: z.string().nullable(),
  needs: z.array(z.string()),
});
export type Artifact = z.infer<typeof artifactSchema>;

export const delegateArtifactsSchema = z.object({
  trustPolicy: artifactSchema,
  permissionPolicy: artifactSchema,
  eksctl: artifactSchema,
  helmValues: artifactSchema,
  checks: artifactSchema,
});
export type DelegateArtifacts = z.infer<typeof delegateArtifactsSchema>;

export const irsaResultSchema = z.object({
  /** The patched manifest; null when errors stopped the edit. */
  output: z.string().nullable(),
  changes: z.array(z.string()),
  problems: z.array(manifestProblemSchema),
  diff: manifestDiffSchema.nullable(),
  artifacts: delegateArtifactsSchema,
});
export type IrsaResult = z.infer<typeof irsaResultSchema>;
