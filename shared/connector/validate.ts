import { z } from 'zod';
import type { ConnectorIssue, PathSegment } from './issues';
import { valueBoundsProblem, type ValueLimits } from '../bounds';
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

/** A connector is a page of YAML; these bounds keep every rule and scan on text of that order. */
const CONNECTOR_VALUE_LIMITS: ValueLimits = { maxDepth: 24, maxNodes: 5_000, maxStringChars: 64 * 1024, maxTotalChars: 512 * 1024 };

/**
 * Checks a parsed connector file (`{connector: …}`): first its shape, then Harness's rules. The
 * schema has no defaults or transforms, so a valid input needs no rewriting: the input object is
 * returned as the document, keeping its key order for an exact export.
 */
export function checkConnectorDocument(input: unknown): DocumentCheck {
  const tooBig = valueBoundsProblem(input, CONNECTOR_VALUE_LIMITS);
  if (tooBig)
    return {
      document: null,
      issues: [{ path: [], message: `This is not a connector Harness would accept: ${tooBig}.`, severity: 'error' }],
    };
  const parsed = connectorDocumentSchema.safeParse(input);
  if (!parsed.success) return { document: null, issues: shapeIssues(parsed.error) };
  const document = input as ConnectorDocument;
  return { document, issues: connectorRuleIssues(document.connector) };
}

/**
 * The schema the IPC contract and the store use for a connector to save: the shape plus every rule
 * that is an error, so a connector that Harness would refuse is never saved. Unlike a zod object it
 * hands the input on untouched, keeping its key order (zod objects rebuild in shape order).
 */
export const validConnectorDocumentSchema = z.custom<ConnectorDocument>().superRefine((value, ctx) => {
  for (const issue of checkConnectorDocument(value).issues) {
    if (issue.severity === 'error') ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  }
});

/** A document the app hands out (IPC results): shape-checked, passed on untouched. */
export const connectorDocumentValueSchema = z.custom<ConnectorDocument>(
  (value) => connectorDocumentSchema.safeParse(value).success,
  'Not a Harness AWS connector document.',
);
