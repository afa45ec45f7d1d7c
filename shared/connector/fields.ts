import type { ConnectorForm } from './form';
import type { PathSegment } from './issues';

/**
 * Where an issue belongs in the wizard: the form field that shows it and the step that holds that
 * field. Secret values are fields of the wizard too, though they never enter the document.
 */
export type WizardStep = 'overview' | 'credentials' | 'connectivity' | 'save';
export type SecretField = 'accessKeyValue' | 'secretKey' | 'sessionToken';
export type FieldKey = keyof ConnectorForm | SecretField | 'credentialSpec';

export const WIZARD_STEPS: readonly WizardStep[] = ['overview', 'credentials', 'connectivity', 'save'];

const STEP_OF: Partial<Record<FieldKey, WizardStep>> = {
  name: 'overview',
  identifier: 'overview',
  description: 'overview',
  tags: 'overview',
  orgIdentifier: 'overview',
  projectIdentifier: 'overview',
  credentialType: 'credentials',
  credentialSpec: 'credentials',
  accessKey: 'credentials',
  accessKeyRef: 'credentials',
  accessKeyValue: 'credentials',
  secretKeyRef: 'credentials',
  secretKey: 'credentials',
  sessionTokenRef: 'credentials',
  sessionToken: 'credentials',
  iamRoleArn: 'credentials',
  crossAccountRoleArn: 'credentials',
  externalId: 'credentials',
  region: 'credentials',
  connectivity: 'connectivity',
  delegateSelectors: 'connectivity',
};

export function stepOfField(field: FieldKey | null): WizardStep {
  return (field && STEP_OF[field]) ?? 'save';
}

const BY_PATH: Record<string, FieldKey> = {
  name: 'name',
  identifier: 'identifier',
  description: 'description',
  orgIdentifier: 'orgIdentifier',
  projectIdentifier: 'projectIdentifier',
  tags: 'tags',
  'spec.credential.type': 'credentialType',
  'spec.credential.spec': 'credentialSpec',
  'spec.credential.spec.accessKey': 'accessKey',
  'spec.credential.spec.accessKeyRef': 'accessKeyRef',
  'spec.credential.spec.secretKeyRef': 'secretKeyRef',
  'spec.credential.spec.sessionTokenRef': 'sessionTokenRef',
  'spec.credential.spec.iamRoleArn': 'iamRoleArn',
  'spec.credential.spec.oidcSessionTagKeys': 'iamRoleArn',
  'spec.credential.crossAccountAccess': 'crossAccountRoleArn',
  'spec.credential.crossAccountAccess.crossAccountRoleArn': 'crossAccountRoleArn',
  'spec.credential.crossAccountAccess.externalId': 'externalId',
  'spec.credential.region': 'region',
  'spec.delegateSelectors': 'delegateSelectors',
  'spec.executeOnDelegate': 'connectivity',
};

/** The form field for a document path (`connector.spec.delegateSelectors[2]` → `delegateSelectors`), or `null`. */
export function fieldOfPath(path: readonly PathSegment[]): FieldKey | null {
  const keys = path.slice(1).filter((segment): segment is string => typeof segment === 'string');
  for (let length = keys.length; length > 0; length -= 1) {
    const field = BY_PATH[keys.slice(0, length).join('.')];
    if (field) return field;
  }
  return null;
}
