/**
 * The first SDK versions that read EKS Pod Identity credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI at
 * 169.254.170.23), from the EKS user guide's "pod-id-minimum-sdk" page. An older SDK skips that step of
 * the chain and falls through to instance metadata, the node's role.
 */
const MINIMUMS: readonly { client: RegExp; major: string; minimum: string }[] = [
  { client: /^aws-sdk-java$/i, major: '1', minimum: '1.12.746' },
  { client: /^aws-sdk-java$/i, major: '2', minimum: '2.21.30' },
  { client: /^aws-cli$/i, major: '1', minimum: '1.30.0' },
  { client: /^aws-cli$/i, major: '2', minimum: '2.15.0' },
  { client: /^(?:boto3|botocore)$/i, major: '1', minimum: '1.34.41' },
  { client: /^aws-sdk-go$/i, major: '1', minimum: '1.47.11' },
  { client: /^aws-sdk-js$/i, major: '2', minimum: '2.1550.0' },
  { client: /^aws-sdk-js$/i, major: '3', minimum: '3.458.0' },
];

function compare(a: string, b: string): number {
  const left = a.split('.', 4).map((part) => Number.parseInt(part, 10) || 0);
  const right = b.split('.', 4).map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** For a client such as "aws-sdk-java/1.12.261": the first version that supports Pod Identity, when this one is older. */
export function podIdentityMinimum(client: string): string | null {
  const [name, version] = client.split('/', 2);
  if (!name || !version) return null;
  const major = version.split('.', 1)[0];
  const row = MINIMUMS.find((entry) => entry.client.test(name) && entry.major === major);
  return row && compare(version, row.minimum) < 0 ? row.minimum : null;
}
