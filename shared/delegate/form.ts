import { z } from 'zod';
import { USE_CASE_IDS } from '../iam/use-cases';

/**
 * How the delegate's pods get their AWS role: IRSA (a web identity token for the role the service
 * account's annotation names) or EKS Pod Identity (an association in EKS, credentials from a node agent).
 */
export const DELEGATE_MECHANISMS = ['irsa', 'pod-identity'] as const;
export type DelegateMechanism = (typeof DELEGATE_MECHANISMS)[number];

/** Delegate manifests are a few kilobytes; the cap only keeps a stray paste from stalling the app. */
export const MAX_MANIFEST_CHARS = 1_000_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/**
 * What the user tells the workbench. Names and ARNs are only length-checked here: a wrong value is
 * reported as a validation problem with its line in the manifest, which says more than a form error.
 */
export const delegateFormSchema = z
  .object({
    mechanism: z.enum(DELEGATE_MECHANISMS).default('irsa'),
    serviceAccount: z.string().trim().min(1, 'Enter the service account name.').max(300),
    /** Defaults to the namespace of the delegate workload. */
    namespace: optionalText(300),
    /** Either the full role ARN, or the account and role name (the partition then comes from the region). */
    roleArn: optionalText(2048),
    accountId: optionalText(64),
    roleName: optionalText(200),
    /** Adds `eks.amazonaws.com/sts-regional-endpoints: "true"` to the service account (IRSA only). */
    stsRegionalEndpoints: z.boolean().default(false),
    /** The cluster's OIDC issuer URL (`aws eks describe-cluster --query cluster.identity.oidc.issuer`); IRSA only. */
    oidcIssuer: optionalText(500),
    region: optionalText(40),
    clusterName: optionalText(100),
    useCases: z.array(z.enum(USE_CASE_IDS)).max(USE_CASE_IDS.length).default([]),
    /** Only used by the S3 write preset. */
    bucket: optionalText(63),
  })
  .strict();

export type DelegateFormInput = z.input<typeof delegateFormSchema>;
export type DelegateForm = z.output<typeof delegateFormSchema>;
