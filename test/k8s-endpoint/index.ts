export { startK8sEndpoint, type K8sEndpoint } from './server';
export { delegateCluster, DELEGATE_DEFAULTS, type DelegateClusterOptions } from './world';
export type { ClusterSpec, K8sObject, K8sRequest, PodShell } from './model';
