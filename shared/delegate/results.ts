import { z } from 'zod';
import { textEditSchema } from './edits';
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
  serviceAccounts: z.array(z.object({ name: z.string(), namespace: z.string().nullable(), roleArn: z.string().nullable(), line })),
  hasUpgrader: z.boolean(),
  placeholders: z.array(z.object({ name: z.string(), lines: z.array(line) })),
  problems: z.array(manifestProblemSchema),
});
export type DelegateAnalysis = z.infer<typeof delegateAnalysisSchema>;

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
  /**
   * Splices against the manifest that was sent, in order; null when errors stopped the edit, empty
   * when it already had every edit. The patched text is `applyEdits(manifest, edits)`: it is never
   * sent whole, because it carries the Secret documents (the delegate token) along.
   */
  edits: z.array(textEditSchema).nullable(),
  changes: z.array(z.string()),
  /** Lines refer to the patched manifest when there are edits, else to the one sent. */
  problems: z.array(manifestProblemSchema),
  artifacts: delegateArtifactsSchema,
});
export type IrsaResult = z.infer<typeof irsaResultSchema>;
