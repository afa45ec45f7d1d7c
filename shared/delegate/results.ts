import { z } from 'zod';
import { textEditSchema } from './edits';
import { DELEGATE_MECHANISMS } from './form';
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

/** One step of a procedure: what to do and why, and the text to copy for it (commands, YAML), if any. */
export const guideStepSchema = z.object({
  title: z.string(),
  detail: z.string(),
  code: z.string().nullable(),
});
export type GuideStep = z.infer<typeof guideStepSchema>;

/** What goes with EKS Pod Identity beyond files: the connector's credential type, and the way over from IRSA. */
export const podIdentityGuideSchema = z.object({
  connector: z.object({
    /** The YAML `credential.type` and the label Harness's UI shows for it. */
    type: z.literal('InheritFromDelegate'),
    label: z.string(),
    why: z.string(),
    notIrsa: z.string(),
    notes: z.array(z.string()),
  }),
  /** Moving an existing IRSA delegate over; null until the form has what its commands need (`migrationNeeds`). */
  migration: z.object({ steps: z.array(guideStepSchema), rollback: z.array(guideStepSchema) }).nullable(),
  migrationNeeds: z.array(z.string()),
});
export type PodIdentityGuide = z.infer<typeof podIdentityGuideSchema>;

export const delegateArtifactsSchema = z.object({
  mechanism: z.enum(DELEGATE_MECHANISMS),
  trustPolicy: artifactSchema,
  permissionPolicy: artifactSchema,
  /** eksctl for IRSA; the add-on, role and association commands for Pod Identity. */
  commands: artifactSchema,
  helmValues: artifactSchema,
  checks: artifactSchema,
  /** Only with Pod Identity. */
  podIdentity: podIdentityGuideSchema.nullable(),
});
export type DelegateArtifacts = z.infer<typeof delegateArtifactsSchema>;

export const irsaResultSchema = z.object({
  /**
   * Splices against the manifest that was sent, in order; null when errors stopped the edit, empty
   * when it already had every edit (IRSA's, or Pod Identity's, which are the same without the annotation). The patched text is `applyEdits(manifest, edits)`: it is never
   * sent whole, because it carries the Secret documents (the delegate token) along.
   */
  edits: z.array(textEditSchema).nullable(),
  changes: z.array(z.string()),
  /** Lines refer to the patched manifest when there are edits, else to the one sent. */
  problems: z.array(manifestProblemSchema),
  artifacts: delegateArtifactsSchema,
});
export type IrsaResult = z.infer<typeof irsaResultSchema>;
