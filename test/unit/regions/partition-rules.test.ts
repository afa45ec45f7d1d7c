import { describe, expect, it } from 'vitest';
import { checkConnectorDocument, checkRoleArn, formatPath, type ConnectorDocument } from '../../../shared/connector';
import { parseOidcIssuer, parseRoleArn } from '../../../shared/delegate/partition';
import {
  PARTITION_IDS,
  PARTITIONS,
  partitionOfArn,
  partitionOfRegion,
  regionsOfPartition,
  type PartitionId,
} from '../../../shared/regions';
import { prepareIrsa } from '../../helpers/parsed-calls';
import { fixture, SA } from '../delegate/fixtures';

/** Table tests over every partition the SDK knows: role ARNs, Test Regions and the partition-mismatch warnings. */

const roleIn = (partition: PartitionId) => `arn:${partition}:iam::123456789012:role/harness-deploy`;
const mainRegion = (partition: PartitionId) => PARTITIONS[partition].implicitGlobalRegion;
const pairs = PARTITION_IDS.flatMap((a) => PARTITION_IDS.filter((b) => b !== a).map((b): [PartitionId, PartitionId] => [a, b]));

/** An OIDC connector (a role ARN of its own) through a delegate, in the given Test Region. */
function connector(region: string | undefined, roleArn: string): ConnectorDocument {
  return {
    connector: {
      name: 'partition table',
      identifier: 'partition_table',
      type: 'Aws',
      spec: {
        credential: { type: 'OidcAuthentication', spec: { iamRoleArn: roleArn }, ...(region ? { region } : {}) },
        delegateSelectors: ['d1'],
        executeOnDelegate: true,
      },
    },
  } as ConnectorDocument;
}

function regionIssues(document: ConnectorDocument) {
  return checkConnectorDocument(document)
    .issues.filter((issue) => formatPath(issue.path) === 'connector.spec.credential.region')
    .map((issue) => `${issue.severity}: ${issue.message}`);
}

describe.each(PARTITION_IDS)('partition %s', (partition) => {
  it('role ARNs are valid, for the connector and for the delegate', () => {
    expect(checkRoleArn(roleIn(partition))).toEqual({ ok: true, partition, accountId: '123456789012', roleName: 'harness-deploy' });
    expect(parseRoleArn(`arn:${partition}:iam::123456789012:role/service-role/harness-deploy`)).toEqual({
      partition,
      accountId: '123456789012',
      roleName: 'harness-deploy',
    });
    expect(partitionOfArn(roleIn(partition))).toBe(partition);
  });

  it('every region of it is a Test Region; only an isolated partition warns that it is reached through an endpoint URL', () => {
    const regions = regionsOfPartition(partition);
    expect(regions.length).toBeGreaterThan(0);
    for (const { code } of regions) {
      expect(partitionOfRegion(code)).toBe(partition);
      const expected = PARTITIONS[partition].isolated
        ? [
            `warning: ${code} is in ${PARTITIONS[partition].displayName}, an isolated partition: its endpoints (*.${PARTITIONS[partition].dnsSuffix}) resolve only inside that network. This app reaches it only through an endpoint URL when it is not reachable from here.`,
          ]
        : [];
      expect(regionIssues(connector(code, roleIn(partition))), code).toEqual(expected);
    }
  });

  it("an EKS issuer URL of its main region names it, under the partition's own DNS suffix only", () => {
    const { dnsSuffix } = PARTITIONS[partition];
    const region = mainRegion(partition);
    expect(parseOidcIssuer(`https://oidc.eks.${region}.${dnsSuffix}/id/ABC123`)).toEqual({
      host: `oidc.eks.${region}.${dnsSuffix}/id/ABC123`,
      region,
      partition,
    });
    expect(parseOidcIssuer(`https://oidc.eks.${region}.example.com/id/ABC123`)).toBeNull();
  });
});

describe('role ARNs of no partition', () => {
  it.each(['aws-gov', 'aws-eu', 'aws-iso-z', 'AWS'])('"%s" is refused, naming every partition', (segment) => {
    expect(checkRoleArn(`arn:${segment}:iam::123456789012:role/x`)).toEqual({
      ok: false,
      message: `"${segment}" is not an AWS partition; use aws, aws-us-gov, aws-cn, aws-eusc, aws-iso, aws-iso-b, aws-iso-e or aws-iso-f.`,
    });
  });

  it('quotes at most 40 characters of a wrong segment', () => {
    const result = checkRoleArn(`arn:${'x'.repeat(5000)}:iam::123456789012:role/x`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.length).toBeLessThan(200);
  });
});

describe('Test Regions outside the catalog', () => {
  it.each([
    ['us-east-9', ' It fits the AWS (commercial) pattern, but the AWS SDK this app ships does not know it.'],
    ['us-isob-north-7', ' It fits the AWS ISOB (US) pattern, but the AWS SDK this app ships does not know it.'],
    ['eusc-de-west-4', ' It fits the AWS European Sovereign Cloud pattern, but the AWS SDK this app ships does not know it.'],
    ['mars-east-1', ''],
  ])('%s is an error', (region, detail) => {
    expect(regionIssues(connector(region, roleIn('aws')))).toEqual([
      `error: "${region}" is not a region in the catalog.${detail} Pick a region from the list.`,
    ]);
  });
});

describe('partition-mismatch warnings for every pair of partitions', () => {
  it.each(pairs)('Test Region in %s, role in %s', (regionPartition, rolePartition) => {
    const region = mainRegion(regionPartition);
    const warnings = regionIssues(connector(region, roleIn(rolePartition))).filter((text) => text.includes('but the OIDC role'));
    expect(warnings).toEqual([
      `warning: The Test Region ${region} is in ${regionPartition}, but the OIDC role is in ${rolePartition}. Credentials only work inside one partition: pick a Test Region in ${rolePartition}.`,
    ]);
  });

  it.each(PARTITION_IDS.filter((p) => p !== 'aws'))('no Test Region (us-east-1) with a role in %s', (rolePartition) => {
    expect(regionIssues(connector(undefined, roleIn(rolePartition)))).toEqual([
      `warning: No Test Region is set, so Harness tests in us-east-1 (aws), but the OIDC role is in ${rolePartition}. Credentials only work inside one partition: pick a Test Region in ${rolePartition}.`,
    ]);
  });

  it.each(PARTITION_IDS)('no warning when both are in %s', (partition) => {
    expect(regionIssues(connector(mainRegion(partition), roleIn(partition))).filter((text) => text.includes('partition'))).toEqual(
      PARTITIONS[partition].isolated ? [expect.stringContaining('an isolated partition')] : [],
    );
  });
});

describe("delegate: the IRSA role against the cluster's partition, for every pair", () => {
  const manifest = fixture('harness-delegate.yaml');
  const mismatches = (region: string, roleArn: string) =>
    prepareIrsa(manifest, { serviceAccount: SA, roleArn, region }).problems.filter((p) => p.code === 'partition-mismatch');

  it.each(pairs)('cluster in %s, role in %s: an error at the annotation', (clusterPartition, rolePartition) => {
    const region = mainRegion(clusterPartition);
    expect(mismatches(region, roleIn(rolePartition))).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: `The role ARN is in partition "${rolePartition}" but the cluster's region ${region} is in "${clusterPartition}".`,
      }),
    ]);
  });

  it.each(PARTITION_IDS)('cluster and role in %s: no problem', (partition) => {
    expect(mismatches(mainRegion(partition), roleIn(partition))).toEqual([]);
  });
});
