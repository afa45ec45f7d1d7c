import type { ConnectorDocument } from './schema';

/** The credential fields that name a secret; each value lives in the keychain under the reference. */
export const SECRET_REF_FIELDS = ['accessKeyRef', 'secretKeyRef', 'sessionTokenRef'] as const;
export type SecretRefField = (typeof SECRET_REF_FIELDS)[number];

export interface SecretRefUse {
  readonly field: SecretRefField;
  readonly ref: string;
}

/** The secret references a connector uses, in field order (only ManualConfig has any). */
export function secretRefsOf(document: ConnectorDocument): SecretRefUse[] {
  const { type, spec } = document.connector.spec.credential;
  if (type !== 'ManualConfig' || !spec) return [];
  return SECRET_REF_FIELDS.flatMap((field) => {
    const ref = spec[field];
    return typeof ref === 'string' && ref.length > 0 ? [{ field, ref }] : [];
  });
}

/**
 * The reference the wizard proposes for a new secret: the connector's Id and the field, so two
 * connectors do not overwrite each other's keys unless the user names the same secret on purpose.
 */
export function suggestedSecretRef(identifier: string, field: SecretRefField): string {
  const suffix = { accessKeyRef: 'access_key', secretKeyRef: 'secret_key', sessionTokenRef: 'session_token' }[field];
  return `${identifier || 'aws'}_${suffix}`;
}
