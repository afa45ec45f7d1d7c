/** One problem found in a connector, at the place in the YAML document it concerns. */
export type PathSegment = string | number;

export interface ConnectorIssue {
  /** From the document root, e.g. `['connector', 'spec', 'credential', 'region']`. */
  readonly path: readonly PathSegment[];
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** `connector.spec.delegateSelectors[0]`; keys that are not plain words are quoted (`tags["app.io/x"]`). */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
