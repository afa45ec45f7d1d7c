import type { AppFixture } from './harness';

/** Saves a ManualConfig connector through the real service, its secret key in the test's keychain. */
export async function saveManualConnector(
  app: AppFixture,
  connector: { name: string; identifier: string },
  keys: { accessKeyId: string; secretAccessKey: string },
): Promise<void> {
  const secretKeyRef = `${connector.identifier}_sk`;
  await app.context.ctx.connectors.save({
    document: {
      connector: {
        ...connector,
        type: 'Aws',
        spec: {
          credential: { type: 'ManualConfig', spec: { accessKey: keys.accessKeyId, secretKeyRef }, region: 'us-east-1' },
          executeOnDelegate: false,
        },
      },
    },
    secrets: [{ ref: secretKeyRef, value: keys.secretAccessKey }],
  });
}
