import type Database from 'better-sqlite3';
import { AppError, isAppError } from '../../../shared/errors';
import {
  checkConnectorDocument,
  exportConnectorYaml,
  formatPath,
  identifierError,
  NAME_MAX_LENGTH,
  IDENTIFIER_MAX_LENGTH,
  secretRefsOf,
  testRegionOf,
  type ConnectorDocument,
} from '../../../shared/connector';
import type { ConnectorSummary, SavedConnector, SecretStatus } from '../../../shared/connector/saved';
import type { SecretStore } from '../secrets/secret-store';

interface ConnectorRow {
  identifier: string;
  document: string;
  created_at: string;
  updated_at: string;
}

export interface SaveRequest {
  readonly document: ConnectorDocument;
  /** Present when updating: the Id the connector was saved under, which may not change. */
  readonly identifier?: string | undefined;
  readonly secrets: ReadonlyArray<{ readonly ref: string; readonly value: string }>;
}

export interface DeleteResult {
  readonly identifier: string;
  readonly secretsDeleted: string[];
  /** References left in the keychain because another saved connector still names them. */
  readonly secretsKept: string[];
}

function notFound(identifier: string): AppError {
  return new AppError(
    'not_found',
    `There is no saved connector with Id ${identifier}.`,
    'Check the Id in the connectors list; it may have been deleted.',
  );
}

function summaryOf(document: ConnectorDocument, updatedAt: string): ConnectorSummary {
  const c = document.connector;
  return {
    identifier: c.identifier,
    name: c.name,
    description: c.description ?? '',
    credentialType: c.spec.credential.type,
    testRegion: testRegionOf(c),
    executeOnDelegate: c.spec.executeOnDelegate !== false,
    delegateSelectors: c.spec.delegateSelectors ?? [],
    crossAccount: c.spec.credential.crossAccountAccess !== null && c.spec.credential.crossAccountAccess !== undefined,
    updatedAt,
  };
}

function checkDocument(document: ConnectorDocument): void {
  const errors = checkConnectorDocument(document).issues.filter((issue) => issue.severity === 'error');
  const first = errors[0];
  if (first) {
    throw new AppError(
      'invalid_input',
      `The connector is not valid: ${formatPath(first.path)}: ${first.message}`,
      'Correct the highlighted fields and save again.',
    );
  }
}

/** Values only for references the connector names, and none of them typed into a plain field too. */
function checkSecrets(request: SaveRequest): void {
  const refs = new Set(secretRefsOf(request.document).map((use) => use.ref));
  const json = JSON.stringify(request.document);
  for (const secret of request.secrets) {
    if (!refs.has(secret.ref)) {
      throw new AppError(
        'invalid_argument',
        `The connector does not use the secret reference ${secret.ref}, so its value was not stored.`,
        'Send values only for the connector’s accessKeyRef, secretKeyRef and sessionTokenRef.',
      );
    }
    if (secret.value.length >= 4 && json.includes(secret.value)) {
      throw new AppError(
        'invalid_input',
        `A secret value was also typed into one of the connector's fields (reference ${secret.ref}); nothing was saved.`,
        'Remove the secret from the Name, Description, tags or Access Key field; secrets belong only in their password field.',
      );
    }
  }
}

/** The keychain's own error, plus the entries a failed save may have left changed. */
function notRestored(error: unknown, refs: string[]): unknown {
  if (!isAppError(error)) return error;
  const { class: errorClass, message, fix } = error.value;
  return new AppError(
    errorClass,
    `${message} The connector was not saved, but these keychain entries may hold the values sent with it, as they could not be put back to their earlier values: ${refs.join(', ')}.`,
    fix,
  );
}

/**
 * Saved connectors: documents in SQLite, secret values in the keychain under their reference. The
 * database never sees a secret: validation refuses any field that looks like a secret (a key, a
 * session token, a private key), and a save whose fields contain one of the secret values being
 * stored is refused too, so a key pasted into the wrong field cannot land on disk.
 */
export class ConnectorService {
  constructor(
    private readonly db: Database.Database,
    private readonly secrets: SecretStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(search?: string): ConnectorSummary[] {
    const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    return this.rows()
      .map((row) => ({ row, document: JSON.parse(row.document) as ConnectorDocument }))
      .filter(({ document }) => {
        const c = document.connector;
        const haystack = [
          c.name,
          c.identifier,
          c.description ?? '',
          c.spec.credential.type,
          testRegionOf(c),
          ...(c.spec.delegateSelectors ?? []),
        ]
          .join(' ')
          .toLowerCase();
        return words.every((word) => haystack.includes(word));
      })
      .map(({ row, document }) => summaryOf(document, row.updated_at));
  }

  async get(identifier: string): Promise<SavedConnector> {
    const row = this.row(identifier);
    const document = JSON.parse(row.document) as ConnectorDocument;
    return { document, secrets: await this.secretStatus(document), createdAt: row.created_at, updatedAt: row.updated_at };
  }

  async save(request: SaveRequest): Promise<{ connector: ConnectorSummary; secretsStored: string[] }> {
    const { document } = request;
    checkDocument(document);
    this.checkIdentifier(request);
    checkSecrets(request);
    // Read before anything is written, so a failed save can put back a value another connector shares.
    const earlier = await this.currentValues(request.secrets);
    const at = this.now().toISOString();
    const previous = this.writeRow(request, at);
    try {
      await this.storeSecrets(request.secrets, earlier);
    } catch (error) {
      this.restoreRow(document.connector.identifier, previous);
      throw error;
    }
    return { connector: summaryOf(document, at), secretsStored: request.secrets.map((secret) => secret.ref) };
  }

  /** A copy under a new name and Id; it names the same secrets (the same Harness secrets), so nothing is copied in the keychain. */
  async clone(identifier: string): Promise<ConnectorSummary> {
    const source = JSON.parse(this.row(identifier).document) as ConnectorDocument;
    const taken = new Set(this.rows().map((row) => row.identifier));
    let n = 1;
    const candidate = () => {
      const suffix = n === 1 ? '_copy' : `_copy_${n}`;
      return `${source.connector.identifier.slice(0, IDENTIFIER_MAX_LENGTH - suffix.length)}${suffix}`;
    };
    while (taken.has(candidate()) || identifierError(candidate()) !== null) n += 1;
    const nameSuffix = n === 1 ? ' copy' : ` copy ${n}`;
    const copy = structuredClone(source);
    copy.connector.identifier = candidate();
    copy.connector.name = `${source.connector.name.slice(0, NAME_MAX_LENGTH - nameSuffix.length)}${nameSuffix}`;
    return (await this.save({ document: copy, secrets: [] })).connector;
  }

  /**
   * Removes the connector; with `deleteSecrets`, also its keychain entries, except those another
   * saved connector still names (reported as kept).
   */
  async delete(identifier: string, deleteSecrets: boolean): Promise<DeleteResult> {
    const document = JSON.parse(this.row(identifier).document) as ConnectorDocument;
    const refs = secretRefsOf(document).map((use) => use.ref);
    const inUse = this.refsUsedElsewhere(identifier);
    const secretsKept = refs.filter((ref) => inUse.has(ref));
    const secretsDeleted: string[] = [];
    if (deleteSecrets) {
      for (const ref of refs) {
        if (!inUse.has(ref) && (await this.secrets.delete(ref))) secretsDeleted.push(ref);
      }
    }
    this.db.prepare('DELETE FROM connectors WHERE identifier = ?').run(identifier);
    return { identifier, secretsDeleted, secretsKept: deleteSecrets ? secretsKept : refs };
  }

  exportYaml(identifier: string): { fileName: string; yaml: string } {
    const document = JSON.parse(this.row(identifier).document) as ConnectorDocument;
    return { fileName: `${identifier}.yaml`, yaml: exportConnectorYaml(document) };
  }

  /**
   * SQLite before the keychain, so a write the database refuses (a constraint, a full disk) fails
   * before any keychain entry changes. The row is committed here and undone if the keychain fails,
   * rather than held in a transaction across the keychain calls: those are asynchronous, and the
   * history service writes through this same connection, so its writes in the meantime would join
   * ours and roll back with it. Returns the row as it was before, for the undo.
   */
  private writeRow(request: SaveRequest, at: string): ConnectorRow | undefined {
    return this.db.transaction(() => {
      // Checked again with the write: another save of this Id may have landed while this one read the keychain.
      const previous = this.checkIdentifier(request);
      this.upsert(request.document, JSON.stringify(request.document), at);
      return previous;
    })();
  }

  private restoreRow(identifier: string, previous: ConnectorRow | undefined): void {
    if (previous) this.upsert(JSON.parse(previous.document) as ConnectorDocument, previous.document, previous.updated_at);
    else this.db.prepare('DELETE FROM connectors WHERE identifier = ?').run(identifier);
  }

  private upsert(document: ConnectorDocument, json: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO connectors (identifier, name, credential_type, document, created_at, updated_at)
         VALUES (@identifier, @name, @type, @document, @at, @at)
         ON CONFLICT (identifier) DO UPDATE SET name = excluded.name, credential_type = excluded.credential_type,
           document = excluded.document, updated_at = excluded.updated_at`,
      )
      .run({
        identifier: document.connector.identifier,
        name: document.connector.name,
        type: document.connector.spec.credential.type,
        document: json,
        at,
      });
  }

  /** A new connector needs a free Id; an edit needs its saved connector, under the same Id. Returns the saved row. */
  private checkIdentifier(request: SaveRequest): ConnectorRow | undefined {
    const identifier = request.document.connector.identifier;
    const existing = this.findRow(request.identifier ?? identifier);
    if (request.identifier === undefined) {
      if (existing) {
        throw new AppError(
          'invalid_input',
          `A connector with Id ${identifier} already exists.`,
          'Choose another Id, or open the existing connector to edit it.',
        );
      }
      return undefined;
    }
    if (!existing) throw notFound(request.identifier);
    if (identifier !== request.identifier) {
      throw new AppError(
        'invalid_input',
        `The Id of a saved connector cannot change (it is ${request.identifier}, the edit has ${identifier}).`,
        'Keep the Id, or clone the connector to get one with a new Id.',
      );
    }
    return existing;
  }

  private async currentValues(secrets: SaveRequest['secrets']): Promise<Map<string, string | null>> {
    const values = new Map<string, string | null>();
    for (const { ref } of secrets) values.set(ref, await this.secrets.get(ref));
    return values;
  }

  /** Writes each secret; if one fails, puts back every entry the save touched, or says which it could not. */
  private async storeSecrets(secrets: SaveRequest['secrets'], earlier: Map<string, string | null>): Promise<void> {
    const touched = new Set<string>();
    try {
      for (const secret of secrets) {
        // Counted before the write: a write that timed out may still land.
        touched.add(secret.ref);
        await this.secrets.set(secret.ref, secret.value);
      }
    } catch (error) {
      const failed = await this.restoreSecrets([...touched].reverse(), earlier);
      throw failed.length === 0 ? error : notRestored(error, failed);
    }
  }

  /** Returns the references it could not put back. */
  private async restoreSecrets(refs: string[], earlier: Map<string, string | null>): Promise<string[]> {
    const failed: string[] = [];
    for (const ref of refs) {
      const value = earlier.get(ref) ?? null;
      try {
        if (value === null) await this.secrets.delete(ref);
        else await this.secrets.set(ref, value);
      } catch {
        failed.push(ref);
      }
    }
    return failed;
  }

  private async secretStatus(document: ConnectorDocument): Promise<SecretStatus[]> {
    const usedBy = this.refUsers(document.connector.identifier);
    const out: SecretStatus[] = [];
    for (const { field, ref } of secretRefsOf(document)) {
      let status: SecretStatus['status'];
      try {
        status = (await this.secrets.has(ref)) ? 'stored' : 'missing';
      } catch {
        status = 'unknown';
      }
      out.push({ field, ref, status, usedBy: usedBy.get(ref) ?? [] });
    }
    return out;
  }

  /** Secret reference → the other connectors naming it. */
  private refUsers(except: string): Map<string, string[]> {
    const users = new Map<string, string[]>();
    for (const row of this.rows()) {
      if (row.identifier === except) continue;
      for (const { ref } of secretRefsOf(JSON.parse(row.document) as ConnectorDocument))
        users.set(ref, [...(users.get(ref) ?? []), row.identifier]);
    }
    return users;
  }

  private refsUsedElsewhere(except: string): Set<string> {
    return new Set(this.refUsers(except).keys());
  }

  private rows(): ConnectorRow[] {
    return this.db
      .prepare<[], ConnectorRow>(
        'SELECT identifier, document, created_at, updated_at FROM connectors ORDER BY name COLLATE NOCASE, identifier',
      )
      .all();
  }

  private findRow(identifier: string): ConnectorRow | undefined {
    return this.db
      .prepare<[string], ConnectorRow>('SELECT identifier, document, created_at, updated_at FROM connectors WHERE identifier = ?')
      .get(identifier);
  }

  private row(identifier: string): ConnectorRow {
    const row = this.findRow(identifier);
    if (!row) throw notFound(identifier);
    return row;
  }
}
