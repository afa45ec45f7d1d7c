import type { z } from 'zod';
import type { ConnectorIssue, PathSegment } from './issues';
import { connectorRuleIssues } from './rules';
import { connectorDocumentSchema, type ConnectorDocument } from './schema';

export interface DocumentCheck {
  /** The input itself, typed, when its shape is right (even if rules fail); `null` otherwise. */
  readonly document: ConnectorDocument | null;
  readonly issues: readonly ConnectorIssue[];
}

function shapeIssues(error: z.ZodError): ConnectorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol'),
    message: issue.message,
    severity: 'error' as const,
  }));
}

/**
 * Checks a parsed connector file (`{connector: …}`): first its shape, then Harness's rules. The
 * schema has no defaults or transforms, so a valid input needs no rewriting: the input object is
 * returned as the document, keeping its key order for an exact export.
 */
export function checkConnectorDocument(input: unknown): DocumentCheck {
  const parsed = connectorDocumentSchema.safeParse(input);
  if (!parsed.success) return { document: null, issues: shapeIssues(parsed.error) };
  const document = input as ConnectorDocument;
  return { document, issues: connectorRuleIssues(document.connector) };
}

/**
 * The schema the IPC contract and the store use: the shape plus every rule that is an error, so a
 * connector that Harness would refuse is never saved.
 */
export const validConnectorDocumentSchema = connectorDocumentSchema.superRefine((document, ctx) => {
  for (const issue of connectorRuleIssues(document.connector)) {
    if (issue.severity === 'error') ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  }
});
