import type { K8sObject } from './model';

/**
 * A Harness Kubernetes delegate as it runs in a cluster (the current Deployment form of
 * harness-delegate.yaml, IRSA-ready), with the objects around it. Options turn it into each broken
 * setup the Doctor must recognise. `secrets` are planted where a careless collector would find them:
 * literal environment values, the last-applied-configuration annotation, a Secret.
 */
export interface DelegateClusterOptions {
  readonly namespace?: string;
  readonly delegate?: string;
  readonly serviceAccount?: string;
  /** The service account's eks.amazonaws.com/role-arn; null leaves it unannotated. */
  readonly roleArn?: string | null;
  /** Whether the EKS webhook injected AWS_ROLE_ARN, the token file and its volume into the pod. */
  readonly injected?: boolean;
  /** Static keys in the pod environment, next to IRSA. */
  readonly staticKeys?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly image?: string;
  /** The legacy delegate runs as a StatefulSet; the current manifest as a Deployment. */
  readonly workloadKind?: 'Deployment' | 'StatefulSet';
  readonly podStartedAt?: string;
  /** When the service account was last changed (its annotation added). */
  readonly serviceAccountUpdatedAt?: string;
  readonly secrets: { readonly delegateToken: string; readonly proxyPassword: string; readonly upgraderToken: string };
}

export const DELEGATE_DEFAULTS = {
  namespace: 'harness-delegate-ng',
  delegate: 'harness-delegate',
  serviceAccount: 'harness-delegate',
  image: 'harness/delegate:24.07.83605',
  pod: 'harness-delegate-6b8d9c7f5-x2k4q',
  container: 'delegate',
} as const;

const TOKEN_PATH = '/var/run/secrets/eks.amazonaws.com/serviceaccount/token';

function envOf(options: DelegateClusterOptions, name: string, pod: boolean): Array<Record<string, unknown>> {
  const env: Array<Record<string, unknown>> = [
    { name: 'JAVA_OPTS', value: '-Xms64M' },
    { name: 'ACCOUNT_ID', value: 'kmpySmUISimoRrJL6NL73w' },
    { name: 'MANAGER_HOST_AND_PORT', value: 'https://app.harness.io' },
    { name: 'DEPLOY_MODE', value: 'KUBERNETES' },
    { name: 'DELEGATE_NAME', value: name },
    { name: 'DELEGATE_TYPE', value: 'KUBERNETES' },
    { name: 'DELEGATE_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
    { name: 'DELEGATE_TAGS', value: 'eks-irsa' },
    { name: 'NEXT_GEN', value: 'true' },
    { name: 'PROXY_HOST', value: 'proxy.corp.example' },
    { name: 'PROXY_PORT', value: '3128' },
    { name: 'PROXY_USER', value: 'delegate' },
    // Secrets pasted into the manifest instead of a Secret reference: the collector must drop them.
    { name: 'PROXY_PASSWORD', value: options.secrets.proxyPassword },
    { name: 'HTTPS_PROXY', value: `http://delegate:${options.secrets.proxyPassword}@proxy.corp.example:3128` },
    { name: 'NO_PROXY', value: '169.254.169.254,.svc,.cluster.local' },
    { name: 'UPGRADER_TOKEN', value: options.secrets.upgraderToken },
  ];
  if (options.staticKeys) {
    env.push(
      { name: 'AWS_ACCESS_KEY_ID', value: options.staticKeys.accessKeyId },
      { name: 'AWS_SECRET_ACCESS_KEY', value: options.staticKeys.secretAccessKey },
    );
  }
  if (pod && options.roleArn && (options.injected ?? true)) {
    env.push(
      { name: 'AWS_STS_REGIONAL_ENDPOINTS', value: 'regional' },
      { name: 'AWS_DEFAULT_REGION', value: 'us-east-1' },
      { name: 'AWS_REGION', value: 'us-east-1' },
      { name: 'AWS_ROLE_ARN', value: options.roleArn },
      { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: TOKEN_PATH },
    );
  }
  return env;
}

function podSpec(options: DelegateClusterOptions, name: string, serviceAccount: string, pod: boolean): Record<string, unknown> {
  const injected = pod && !!options.roleArn && (options.injected ?? true);
  return {
    serviceAccountName: serviceAccount,
    terminationGracePeriodSeconds: 600,
    restartPolicy: 'Always',
    containers: [
      {
        name: DELEGATE_DEFAULTS.container,
        image: options.image ?? DELEGATE_DEFAULTS.image,
        imagePullPolicy: 'Always',
        envFrom: [{ secretRef: { name: `${name}-account-token` } }],
        env: envOf(options, name, pod),
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        securityContext: { allowPrivilegeEscalation: false, runAsUser: 0 },
        volumeMounts: [
          { name: 'kube-api-access-7xk2p', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
          ...(injected ? [{ name: 'aws-iam-token', mountPath: '/var/run/secrets/eks.amazonaws.com/serviceaccount', readOnly: true }] : []),
        ],
      },
    ],
    volumes: [
      ...(injected
        ? [
            {
              name: 'aws-iam-token',
              projected: {
                defaultMode: 420,
                sources: [{ serviceAccountToken: { audience: 'sts.amazonaws.com', expirationSeconds: 86400, path: 'token' } }],
              },
            },
          ]
        : []),
      {
        name: 'kube-api-access-7xk2p',
        projected: { defaultMode: 420, sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] },
      },
    ],
  };
}

export function delegateCluster(options: DelegateClusterOptions): K8sObject[] {
  const namespace = options.namespace ?? DELEGATE_DEFAULTS.namespace;
  const name = options.delegate ?? DELEGATE_DEFAULTS.delegate;
  const account = options.serviceAccount ?? DELEGATE_DEFAULTS.serviceAccount;
  const podName = DELEGATE_DEFAULTS.pod;
  const started = options.podStartedAt ?? '2024-05-14T10:20:00Z';
  const selector = { 'harness.io/name': 'delegate' };
  const template = { metadata: { labels: selector }, spec: podSpec(options, name, account, false) };
  const deployment = {
    apiVersion: 'apps/v1',
    kind: options.workloadKind ?? 'Deployment',
    metadata: {
      name,
      namespace,
      labels: { 'harness.io/name': name },
      generation: 3,
      creationTimestamp: '2024-03-01T09:00:00Z',
      annotations: {
        'deployment.kubernetes.io/revision': '3',
        // kubectl apply keeps the whole manifest here, literal env values and all.
        'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name, namespace },
          spec: { template },
        }),
      },
    },
    spec: { replicas: 1, minReadySeconds: 120, selector: { matchLabels: selector }, template },
    status: {
      replicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
      updatedReplicas: 1,
      conditions: [
        { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
      ],
    },
  };
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName,
      namespace,
      labels: { ...selector, 'pod-template-hash': '6b8d9c7f5' },
      creationTimestamp: started,
      ownerReferences: [
        options.workloadKind === 'StatefulSet'
          ? { apiVersion: 'apps/v1', kind: 'StatefulSet', name, controller: true }
          : { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${name}-6b8d9c7f5`, controller: true },
      ],
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '3460' },
    },
    spec: { ...podSpec(options, name, account, true), nodeName: 'ip-10-0-12-34.ec2.internal' },
    status: {
      phase: 'Running',
      startTime: started,
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: started }],
      containerStatuses: [
        {
          name: DELEGATE_DEFAULTS.container,
          ready: true,
          started: true,
          restartCount: 2,
          image: options.image ?? DELEGATE_DEFAULTS.image,
          imageID: 'docker.io/harness/delegate@sha256:5f0b8c6f1a0e3d2c9b8a7f6e5d4c3b2a1908f7e6d5c4b3a2918f7e6d5c4b3a29',
          state: { running: { startedAt: started } },
          lastState: {
            terminated: { exitCode: 143, reason: 'Error', startedAt: '2024-05-14T09:00:00Z', finishedAt: '2024-05-14T10:19:50Z' },
          },
        },
      ],
    },
  };
  const serviceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: account,
      namespace,
      creationTimestamp: '2024-03-01T09:00:00Z',
      ...(options.roleArn ? { annotations: { 'eks.amazonaws.com/role-arn': options.roleArn } } : {}),
      managedFields: [
        {
          manager: 'kubectl-client-side-apply',
          operation: 'Update',
          apiVersion: 'v1',
          time: options.serviceAccountUpdatedAt ?? '2024-03-01T09:00:00Z',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:metadata': {} },
        },
      ],
    },
  };
  const event = (reason: string, type: string, message: string, count: number) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${podName}.17c8a${count}`, namespace },
    involvedObject: { kind: 'Pod', name: podName, namespace, apiVersion: 'v1' },
    reason,
    type,
    message,
    count,
    firstTimestamp: '2024-05-14T09:00:00Z',
    lastTimestamp: started,
    source: { component: 'kubelet', host: 'ip-10-0-12-34.ec2.internal' },
  });
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } },
    deployment,
    pod,
    serviceAccount,
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'harness-delegate-cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: account, namespace }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'system:basic-user' },
      subjects: [{ kind: 'Group', name: 'system:authenticated', apiGroup: 'rbac.authorization.k8s.io' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:basic-user' },
    },
    event('Pulled', 'Normal', `Successfully pulled image "${options.image ?? DELEGATE_DEFAULTS.image}" in 2.1s`, 3),
    event('BackOff', 'Warning', 'Back-off restarting failed container delegate in pod', 2),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `${name}-account-token`, namespace },
      type: 'Opaque',
      data: { DELEGATE_TOKEN: Buffer.from(options.secrets.delegateToken).toString('base64') },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `${name}-upgrader-token`, namespace },
      type: 'Opaque',
      stringData: { UPGRADER_TOKEN: options.secrets.upgraderToken },
    },
  ] as K8sObject[];
}
