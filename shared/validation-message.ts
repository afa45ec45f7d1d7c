/** The parts of a zod issue a message is made of. */
export interface IssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * A validation problem in words that name the field and what was expected. zod quotes an unknown
 * key in its message, and a key can be anything a user typed, so that message is replaced; the
 * other default messages name only what the schema allows.
 */
export function issueMessage(issue: IssueLike): string {
  return issue.code === 'unrecognized_keys' ? 'has a field that is not accepted here' : issue.message;
}

/** `path.to.field: message` for the first few issues, for an error value's message. */
export function describeIssues(issues: readonly IssueLike[], max = 5): string {
  return issues
    .slice(0, max)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issueMessage(issue)}` : issueMessage(issue)))
    .join('; ');
}
