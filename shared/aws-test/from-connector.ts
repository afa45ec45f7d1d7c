import { testRegionOf, type Connector } from '../connector';
import type { TestConnector } from './input';

const present = (value: string | null | undefined): string | undefined =>
  value === null || value === undefined || value.trim() === '' ? undefined : value;

/**
 * The test's view of a saved or imported connector: the Test Region as Harness resolves it (us-east-1
 * when empty), the cross-account role, for ManualConfig the key and secret references, for OIDC the
 * role the token is exchanged for (the token comes with each run, never with the connector).
 */
export function testConnectorFrom(connector: Connector): TestConnector {
  const credential = connector.spec.credential;
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
    ...(credential.type === 'OidcAuthentication'
      ? { oidc: { roleArn: present(spec?.iamRoleArn) ?? '', sessionTagKeys: [...(spec?.oidcSessionTagKeys ?? [])] } }
      : {}),
  };
}
