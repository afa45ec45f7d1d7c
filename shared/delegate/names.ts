/**
 * Kubernetes names. Service accounts, like most objects, need a DNS-1123 subdomain: at most 253
 * characters of lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit.
 */
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function kubernetesNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > 253) return `is ${name.length} characters long; the limit is 253`;
  if (!SUBDOMAIN.test(name)) {
    return 'may only contain lowercase letters, digits, "-" and ".", and must start and end with a letter or digit';
  }
  return null;
}

/** Namespaces are stricter: a DNS-1123 label, at most 63 characters and no dots. */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function namespaceNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > 63) return `is ${name.length} characters long; the limit is 63`;
  if (!LABEL.test(name)) return 'may only contain lowercase letters, digits and "-", and must start and end with a letter or digit';
  return null;
}

/** EKS cluster names (CreateCluster API): 1–100 characters of letters, digits, `-` and `_`, starting with a letter or digit. */
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]*$/;

export function clusterNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > 100) return `is ${name.length} characters long; the limit is 100`;
  if (!CLUSTER_NAME.test(name)) return 'may only contain letters, digits, "-" and "_", and must start with a letter or digit';
  return null;
}
