import { testConnectorFrom } from '../../../shared/aws-test/from-connector';
import { testOptionsSchema } from '../../../shared/aws-test/input';
import { DEFAULT_TEST_REGION, partitionOfRegion, regionsOfPartition, type CatalogPartition } from '../../../shared/regions';
import { createEndpointResolver } from '../../services/aws/endpoints';
import { planRegions } from '../../services/aws/sweep-plan';
import { runPreflight } from '../../services/network/preflight';
import { preflightTargets } from '../../services/network/targets';
import type { awsChannels } from '../../../shared/ipc/channels/aws';
import type { RunResult } from '../../../shared/aws-test/result';
import { requireRun, rerunRequest } from '../history-runs';
import type { HandlersOf } from '../ipc-router';
import type { AppServices } from '../services';

const defaultOptions = testOptionsSchema.parse({});

/**
 * Tests run on saved connectors: the secret values come from the keychain, never through IPC. The one
 * exception is an OIDC connector's Harness token, pasted for one run and handed to it alone.
 */
export function awsHandlers(services: AppServices): HandlersOf<typeof awsChannels> {
  const service = services.tests;
  const load = async (identifier: string) => testConnectorFrom((await services.connectors.get(identifier)).document.connector);
  // Retention is housekeeping after each run, off the call's path; a failed prune is tried again after the next run.
  const thenRetain = async (run: Promise<RunResult>) => {
    const result = await run;
    void services.history.applyRetention().catch(() => undefined);
    return result;
  };
  return {
    'test.run': async ({ connectorIdentifier, options, runId, webIdentityToken }, { emit }) =>
      thenRetain(
        service.run(await load(connectorIdentifier), options ?? defaultOptions, undefined, { runId, onProgress: emit, webIdentityToken }),
      ),
    'sweep.run': async ({ connectorIdentifier, options, runId, sweep, webIdentityToken }, { emit }) =>
      thenRetain(
        service.run(await load(connectorIdentifier), options ?? defaultOptions, sweep, { runId, onProgress: emit, webIdentityToken }),
      ),
    'test.rerun': async ({ fromRunId, runId }, { emit }) => {
      const { connector, options, sweep } = rerunRequest(requireRun(services, fromRunId));
      return thenRetain(service.run(connector, options, sweep, { runId, onProgress: emit }));
    },
    'test.cancel': ({ runId }) => ({ runId, cancelled: service.cancel(runId) }),
    'preflight.run': async ({ connectorIdentifier, regions, endpointUrl, fips, timeoutMs }) => {
      const testRegion = connectorIdentifier ? (await load(connectorIdentifier)).testRegion : DEFAULT_TEST_REGION;
      const planned = planRegions(regions ?? [testRegion]);
      // Which regions the account reports is only known with credentials; its partition's regions stand in.
      const list =
        planned === 'reported' ? regionsOfPartition(partitionOfRegion(testRegion) as CatalogPartition).map((r) => r.code) : planned;
      const targets = preflightTargets(list, createEndpointResolver({ endpointUrl, fips }));
      return runPreflight(targets, timeoutMs, { env: services.env });
    },
  };
}
