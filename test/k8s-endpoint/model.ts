/** A Kubernetes object as the API server returns it. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

/**
 * What `kubectl exec` into a pod runs in: the fixture stands in for the container, so the command
 * runs on this machine under `sh` with this environment, and with `bin` first on PATH (stand-ins for
 * the pod's own `getent` and `timeout`, which decide what its network reaches).
 */
export interface PodShell {
  readonly env: Readonly<Record<string, string>>;
  readonly bin: string;
}

export interface ClusterSpec {
  readonly version: { readonly major: string; readonly minor: string; readonly gitVersion: string };
  readonly objects: readonly K8sObject[];
  /** Container logs by `namespace/pod/container`. */
  readonly logs: Readonly<Record<string, string>>;
  /** Pods that can be exec'd into, by `namespace/pod`. */
  readonly shells?: Readonly<Record<string, PodShell>>;
  /** The bearer token every request must carry (the kubeconfig's user token). */
  readonly token: string;
}

export interface K8sRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly upgrade: boolean;
  status: number;
}
