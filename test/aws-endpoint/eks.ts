import { allows } from './auth';
import { EndpointError, type Caller, type EksClusterSpec } from './model';

/**
 * EKS's REST-JSON protocol for DescribeCluster (`GET /clusters/{name}`): a JSON body, and errors named
 * by the x-amzn-ErrorType header with a JSON message, as the service answers.
 */
export interface EksReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const CLUSTER_PATH = /^\/clusters\/([0-9A-Za-z][A-Za-z0-9_-]{0,99})$/;

function describeCluster(name: string, caller: Caller, region: string, clusters: readonly EksClusterSpec[]): object {
  const arn = `arn:${caller.partition}:eks:${region}:${caller.account}:cluster/${name}`;
  if (!allows(caller.principal.allow, 'eks:DescribeCluster')) {
    throw new EndpointError(
      403,
      'AccessDeniedException',
      `User: ${caller.principal.arn} is not authorized to perform: eks:DescribeCluster on resource: ${arn}`,
    );
  }
  const cluster = clusters.find((c) => c.name === name && c.region === region && c.account === caller.account);
  if (!cluster) throw new EndpointError(404, 'ResourceNotFoundException', `No cluster found for name: ${name}.`);
  const id = cluster.issuer.slice(cluster.issuer.lastIndexOf('/') + 1);
  return {
    cluster: {
      name,
      arn,
      createdAt: 1709285400.123,
      version: cluster.version,
      endpoint: `https://${id}.gr7.${region}.eks.amazonaws.com`,
      roleArn: `arn:${caller.partition}:iam::${caller.account}:role/eks-cluster-role`,
      resourcesVpcConfig: {
        subnetIds: ['subnet-0a1b2c3d'],
        securityGroupIds: [],
        endpointPublicAccess: true,
        endpointPrivateAccess: false,
      },
      identity: { oidc: { issuer: cluster.issuer } },
      status: 'ACTIVE',
      certificateAuthority: {
        data: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=',
      },
      platformVersion: 'eks.7',
      tags: {},
    },
  };
}

/** Answers one signed EKS request; `authenticate` checks its signature as for every other service. */
export function eksReply(
  method: string,
  path: string,
  region: string,
  clusters: readonly EksClusterSpec[],
  authenticate: () => Caller,
): EksReply {
  const json = { 'Content-Type': 'application/json' };
  try {
    const caller = authenticate();
    const name = method === 'GET' ? CLUSTER_PATH.exec(path)?.[1] : undefined;
    if (!name) throw new EndpointError(404, 'NotFoundException', 'The requested resource was not found.');
    return { status: 200, headers: json, body: JSON.stringify(describeCluster(name, caller, region, clusters)) };
  } catch (error) {
    const failure =
      error instanceof EndpointError
        ? error
        : new EndpointError(500, 'ServerException', 'An internal error occurred in the loopback endpoint.');
    // Signature errors keep the codes every service shares; EKS puts the code in a header.
    return {
      status: failure.status,
      headers: { ...json, 'x-amzn-ErrorType': `${failure.code}:http://internal.amazon.com/coral/com.amazon.eks/` },
      body: JSON.stringify({ message: failure.message }),
    };
  }
}
