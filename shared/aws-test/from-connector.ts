import { testRegionOf, type Connector } from '../connector';
import { AppError } from '../errors';
import type { TestConnector } from './input';

const present = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value.trim() === '' ? undefined : value;

/**
 * The test's view of a saved or imported connector: the Test Region as Harness resolves it (us-east-1
 * when empty), the cross-account role, and for ManualConfig the key and secret references.
 */
export function testConnectorFrom(connector: Connector): TestConnector {
  const credential = connector.spec.credential;
  if (credential.type === 'OidcAuthentication') {
    throw new AppError(
      'invalid_input',
      'OIDC connectors authenticate with a token Harness mints per pipeline run, which this app cannot obtain.',
      'Test an OIDC connector from Harness; here, test the role it assumes with another credential type.',
    );
  }
  const roleArn = present(credential.crossAccountAccess?.crossAccountRoleArn);
  const spec = credential.spec;
  return {
    identifier: connector.identifier,
    credentialType: credential.type,
    testRegion: testRegionOf(connector),
    crossAccount: roleArn ? { roleArn, externalId: present(credential.crossAccountAccess?.externalId) } : null,
    ...(credential.type === 'ManualConfig'
      ? {
          manual: {
            accessKey: present(spec?.accessKey),
            accessKeyRef: present(spec?.accessKeyRef),
            secretKeyRef: present(spec?.secretKeyRef) ?? '',
            sessionTokenRef: present(spec?.sessionTokenRef),
          },
        }
      : {}),
  };
}
