import { randomUUID } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importConnectorYaml, type ConnectorDocument } from '../../../shared/connector';
import { AppError } from '../../../shared/errors';
import { createHandlers } from '../../../electron/app/handlers';
import { createRouter } from '../../../electron/app/ipc-router';
import { ConnectorService } from '../../../electron/services/connectors/connector-service';
import { openDatabase } from '../../../electron/services/history/database';
import { migrations } from '../../../electron/services/history/migrations';
import { KeytarSecretStore } from '../../../electron/services/secrets/keytar-store';
import type { SecretStore } from '../../../electron/services/secrets/secret-store';
import { createTestContext, type TestContext } from '../../helpers/app-context';
import { checkRequirement, keychainRequirement } from '../../helpers/requirements';
import { tempDir } from '../../helpers/temp-dir';
import { SHAPES } from '../../unit/connector/shapes';

const available = checkRequirement('keychain', await keychainRequirement());

// A canary: if these bytes show up in any file the store writes, a secret leaked.
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARY0001';
const SESSION_TOKEN = 'FwoGZXIvYXdzECANARYSESSIONTOKEN0002';

function manual(identifier = 'aws_prod', refs: Partial<Record<'secretKeyRef' | 'sessionTokenRef', string>> = {}): ConnectorDocument {
  return {
    connector: {
      name: identifier.replace(/_/g, ' '),
      identifier,
      type: 'Aws',
      spec: {
        credential: {
          type: 'ManualConfig',
          spec: {
            accessKey: 'AKIAIOSFODNN7EXAMPLE',
            secretKeyRef: refs.secretKeyRef ?? `${identifier}_secret_key`,
            ...(refs.sessionTokenRef ? { sessionTokenRef: refs.sessionTokenRef } : {}),
          },
          region: 'us-east-1',
        },
        executeOnDelegate: false,
      },
    },
  };
}

function databaseBytes(file: string): string {
  return [file, `${file}-wal`, `${file}-shm`]
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n');
}

describe.skipIf(!available)('connector store (real SQLite file, real keychain)', () => {
  let t: TestContext;
  beforeEach(() => {
    t = createTestContext();
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('saves a connector with its secrets in the keychain and none in the database or its WAL', async () => {
    const { connectors, secrets, paths } = t.ctx;
    const document = manual('aws_prod', { sessionTokenRef: 'account.aws_prod_token' });
    const saved = await connectors.save({
      document,
      secrets: [
        { ref: 'aws_prod_secret_key', value: SECRET_KEY },
        { ref: 'account.aws_prod_token', value: SESSION_TOKEN },
      ],
    });
    expect(saved.secretsStored).toEqual(['aws_prod_secret_key', 'account.aws_prod_token']);
    expect(await secrets.get('aws_prod_secret_key')).toBe(SECRET_KEY);
    expect(await secrets.get('account.aws_prod_token')).toBe(SESSION_TOKEN);
    const bytes = databaseBytes(paths.database);
    expect(bytes).toContain('aws_prod_secret_key');
    expect(bytes).not.toContain(SECRET_KEY);
    expect(bytes).not.toContain(SESSION_TOKEN);
  });

  it('lists, searches and reads back what was saved, with the state of each secret', async () => {
    const { connectors } = t.ctx;
    await connectors.save({ document: manual('aws_prod'), secrets: [{ ref: 'aws_prod_secret_key', value: SECRET_KEY }] });
    await connectors.save({ document: importConnectorYaml(SHAPES['IRSA + cross-account']!).document!, secrets: [] });
    expect(connectors.list().map((c) => c.identifier)).toEqual(['aws_prod', 'eks_irsa']);
    expect(connectors.list('irsa')).toMatchObject([
      {
        identifier: 'eks_irsa',
        credentialType: 'Irsa',
        crossAccount: true,
        delegateSelectors: ['eks-irsa-delegate'],
        executeOnDelegate: true,
      },
    ]);
    expect(connectors.list('platform nothing')).toEqual([]);
    const got = await connectors.get('aws_prod');
    expect(got.document).toEqual(manual('aws_prod'));
    expect(got.secrets).toEqual([{ field: 'secretKeyRef', ref: 'aws_prod_secret_key', status: 'stored', usedBy: [] }]);
  });

  it('reports a referenced secret that is not in the keychain as missing', async () => {
    await t.ctx.connectors.save({ document: manual('no_secret'), secrets: [] });
    expect((await t.ctx.connectors.get('no_secret')).secrets).toEqual([
      { field: 'secretKeyRef', ref: 'no_secret_secret_key', status: 'missing', usedBy: [] },
    ]);
  });

  it('exports every example shape exactly as it was imported, after a trip through the database', async () => {
    for (const text of Object.values(SHAPES)) {
      const document = importConnectorYaml(text).document!;
      await t.ctx.connectors.save({ document, secrets: [] });
      expect(t.ctx.connectors.exportYaml(document.connector.identifier).yaml).toBe(text);
    }
  });

  it('keeps the Id immutable after the first save and refuses a second connector with the same Id', async () => {
    const { connectors } = t.ctx;
    await connectors.save({ document: manual('aws_prod'), secrets: [] });
    const renamed = manual('aws_prod');
    renamed.connector.name = 'renamed';
    await connectors.save({ document: renamed, identifier: 'aws_prod', secrets: [] });
    expect((await connectors.get('aws_prod')).document.connector.name).toBe('renamed');
    await expect(connectors.save({ document: manual('aws_other'), identifier: 'aws_prod', secrets: [] })).rejects.toMatchObject({
      value: { class: 'invalid_input', message: 'The Id of a saved connector cannot change (it is aws_prod, the edit has aws_other).' },
    });
    await expect(connectors.save({ document: manual('aws_prod'), secrets: [] })).rejects.toMatchObject({
      value: { message: 'A connector with Id aws_prod already exists.' },
    });
    await expect(connectors.save({ document: manual('ghost'), identifier: 'ghost', secrets: [] })).rejects.toMatchObject({
      value: { class: 'not_found' },
    });
  });

  it('refuses invalid connectors, stray secret references and secrets typed into a field', async () => {
    const { connectors, paths } = t.ctx;
    const invalid = manual('account');
    await expect(connectors.save({ document: invalid, secrets: [] })).rejects.toMatchObject({
      value: { message: 'The connector is not valid: connector.identifier: account is a keyword, so cannot be used' },
    });
    await expect(connectors.save({ document: manual('x1'), secrets: [{ ref: 'other_ref', value: SECRET_KEY }] })).rejects.toMatchObject({
      value: { class: 'invalid_argument' },
    });
    const leaky = manual('x2');
    leaky.connector.description = `key is ${SECRET_KEY}`;
    await expect(connectors.save({ document: leaky, secrets: [{ ref: 'x2_secret_key', value: SECRET_KEY }] })).rejects.toMatchObject({
      value: { class: 'invalid_input' },
    });
    expect(await t.ctx.secrets.has('x2_secret_key')).toBe(false);
    expect(connectors.list()).toEqual([]);
    expect(databaseBytes(paths.database)).not.toContain(SECRET_KEY);
  });

  it('refuses a secret pasted into a plain field even when no secret is sent with it; nothing reaches the database or the keychain', async () => {
    const { connectors, secrets, paths } = t.ctx;
    // Made-up key material (random bytes, base64) that the save does not send to the keychain.
    const pasted = 'jgOR9aQn7OdOBpRilDU0fnJmRIduC10bOKX+CDIH';
    const cases: Array<[string, (d: ConnectorDocument) => void]> = [
      ['connector.spec.credential.spec.accessKey', (d) => void (d.connector.spec.credential.spec!.accessKey = pasted)],
      ['connector.description', (d) => void (d.connector.description = `rotated monthly, current key ${pasted}`)],
      ['connector.name', (d) => void (d.connector.name = pasted)],
      ['connector.tags.owner', (d) => void (d.connector.tags = { owner: pasted })],
      ['connector.spec.delegateSelectors[0]', (d) => void (d.connector.spec.delegateSelectors = [pasted])],
      [
        'connector.spec.credential.crossAccountAccess.externalId',
        (d) =>
          void (d.connector.spec.credential.crossAccountAccess = {
            crossAccountRoleArn: 'arn:aws:iam::222222222222:role/Deploy',
            externalId: pasted,
          }),
      ],
    ];
    for (const [path, edit] of cases) {
      const document = manual('leaky');
      edit(document);
      const refused = connectors.save({ document, secrets: [{ ref: 'leaky_secret_key', value: SECRET_KEY }] });
      await expect(refused).rejects.toMatchObject({
        value: { class: 'invalid_input', message: expect.stringContaining(`The connector is not valid: ${path}: This looks like`) },
      });
      const error = await refused.catch((e: unknown) => e);
      expect(JSON.stringify(error)).not.toContain(pasted);
    }
    expect(connectors.list()).toEqual([]);
    expect(await secrets.has('leaky_secret_key')).toBe(false);
    expect(databaseBytes(paths.database)).not.toContain(pasted);

    const router = createRouter(createHandlers(t.ctx), { isAppUrl: () => true });
    const document = manual('leaky');
    document.connector.description = pasted;
    const result = await router.invoke(
      'connectors.save',
      { document, secrets: [] },
      { url: 'app://workbench/index.html', isTopFrame: true },
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        class: 'invalid_argument',
        message: expect.stringContaining('document.connector.description: This looks like a secret access key.'),
      },
    });
    expect(JSON.stringify(result)).not.toContain(pasted);
    expect(connectors.list()).toEqual([]);
  });

  it('clones under a fresh name and Id, sharing the same secret references', async () => {
    const { connectors } = t.ctx;
    await connectors.save({ document: manual('aws_prod'), secrets: [{ ref: 'aws_prod_secret_key', value: SECRET_KEY }] });
    const first = await connectors.clone('aws_prod');
    const second = await connectors.clone('aws_prod');
    expect([first.identifier, first.name]).toEqual(['aws_prod_copy', 'aws prod copy']);
    expect([second.identifier, second.name]).toEqual(['aws_prod_copy_2', 'aws prod copy 2']);
    const original = await connectors.get('aws_prod');
    expect(original.secrets[0]).toMatchObject({
      ref: 'aws_prod_secret_key',
      status: 'stored',
      usedBy: ['aws_prod_copy', 'aws_prod_copy_2'],
    });
    expect((await connectors.get('aws_prod_copy')).document.connector.spec.credential.spec).toEqual(
      original.document.connector.spec.credential.spec,
    );
  });

  it('deletes with or without the keychain entries, keeping entries another connector still uses', async () => {
    const { connectors, secrets } = t.ctx;
    await connectors.save({ document: manual('aws_prod'), secrets: [{ ref: 'aws_prod_secret_key', value: SECRET_KEY }] });
    await connectors.clone('aws_prod');
    expect(await connectors.delete('aws_prod', true)).toEqual({
      identifier: 'aws_prod',
      secretsDeleted: [],
      secretsKept: ['aws_prod_secret_key'],
    });
    expect(await secrets.has('aws_prod_secret_key')).toBe(true);
    expect(await connectors.delete('aws_prod_copy', true)).toEqual({
      identifier: 'aws_prod_copy',
      secretsDeleted: ['aws_prod_secret_key'],
      secretsKept: [],
    });
    expect(await secrets.has('aws_prod_secret_key')).toBe(false);

    await connectors.save({ document: manual('kept'), secrets: [{ ref: 'kept_secret_key', value: SECRET_KEY }] });
    expect(await connectors.delete('kept', false)).toEqual({ identifier: 'kept', secretsDeleted: [], secretsKept: ['kept_secret_key'] });
    expect(await secrets.has('kept_secret_key')).toBe(true);
    expect(connectors.list()).toEqual([]);
    await expect(connectors.delete('kept', true)).rejects.toMatchObject({ value: { class: 'not_found' } });
  });

  it('through the IPC router: validates the document by path and never returns a secret', async () => {
    const router = createRouter(createHandlers(t.ctx), { isAppUrl: () => true });
    const sender = { url: 'app://workbench/index.html', isTopFrame: true };
    const irsa = importConnectorYaml(SHAPES['IRSA + cross-account']!).document!;
    irsa.connector.spec.delegateSelectors = [];
    const refused = await router.invoke('connectors.save', { document: irsa }, sender);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        class: 'invalid_argument',
        message:
          'Invalid argument for connectors.save: document.connector.spec.delegateSelectors: Delegate Selector cannot be null for inherit from delegate credential type.',
      },
    });

    const calls = [
      await router.invoke(
        'connectors.save',
        { document: manual('aws_prod'), secrets: [{ ref: 'aws_prod_secret_key', value: SECRET_KEY }] },
        sender,
      ),
      await router.invoke('connectors.get', { identifier: 'aws_prod' }, sender),
      await router.invoke('connectors.list', undefined, sender),
      await router.invoke('connectors.clone', { identifier: 'aws_prod' }, sender),
      await router.invoke('connectors.export', { identifier: 'aws_prod' }, sender),
      await router.invoke('connectors.delete', { identifier: 'aws_prod_copy', deleteSecrets: true }, sender),
    ];
    for (const result of calls) expect(result.ok).toBe(true);
    expect(JSON.stringify(calls)).not.toContain(SECRET_KEY);
    expect(calls[4]).toMatchObject({ ok: true, value: { fileName: 'aws_prod.yaml' } });
    const missing = await router.invoke('connectors.get', { identifier: 'nope' }, sender);
    expect(missing).toMatchObject({ ok: false, error: { class: 'not_found' } });
  });
});

describe('connector store without a keychain', () => {
  it('stores nothing when the keychain cannot be reached, and says how to fix it', async () => {
    const dir = tempDir();
    const file = join(dir.path, 'history.sqlite');
    const db = openDatabase(file, { migrations });
    const store = new KeytarSecretStore({
      service: 'awb-test-unreachable',
      platform: 'linux',
      // Stands in for a machine without libsecret; no real keychain is touched.
      load: async () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file');
      },
    });
    const service = new ConnectorService(db, store);
    try {
      await expect(
        service.save({ document: manual('aws_prod'), secrets: [{ ref: 'aws_prod_secret_key', value: SECRET_KEY }] }),
      ).rejects.toMatchObject({
        value: { class: 'keychain_unavailable', fix: expect.stringContaining('gnome-keyring') },
      });
      expect(service.list()).toEqual([]);
      // Without secrets to store the connector saves, and its secret shows as unknown rather than failing the read.
      await service.save({ document: manual('aws_prod'), secrets: [] });
      expect((await service.get('aws_prod')).secrets).toEqual([
        { field: 'secretKeyRef', ref: 'aws_prod_secret_key', status: 'unknown', usedBy: [] },
      ]);
      expect(databaseBytes(file)).not.toContain(SECRET_KEY);
    } finally {
      db.close();
      dir.remove();
    }
  });
});

/**
 * The real keychain, except that set number `failAt` throws as an unreachable keychain does; with
 * `staysDown`, every keychain write after it throws too (a keyring that went away mid-save).
 */
function failingAtSet(store: SecretStore, failAt: number, staysDown = false): SecretStore {
  let sets = 0;
  let down = false;
  const refuse = (): never => {
    throw new AppError(
      'keychain_unavailable',
      'The Secret Service (libsecret) is not reachable, so no secret was stored or read.',
      'Start it.',
    );
  };
  return {
    status: () => store.status(),
    get: (ref) => store.get(ref),
    has: (ref) => store.has(ref),
    delete: async (ref) => (down ? refuse() : store.delete(ref)),
    set: async (ref, value) => {
      sets += 1;
      if (sets === failAt) {
        down = staysDown;
        refuse();
      }
      if (down) refuse();
      await store.set(ref, value);
    },
  };
}

describe.skipIf(!available)('a save that fails part-way (real SQLite file, real keychain)', () => {
  const SHARED = 'shared_secret_key';
  const TOKEN = 'second_token';
  const NEW_SECRET_KEY = 'bm90LWEtcmVhbC1rZXktYnV0LWxvbmctZW5vdWdoAA';
  const keychain = new KeytarSecretStore({ service: `awb-test-${randomUUID()}` });
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  let db: Database.Database;

  beforeEach(async () => {
    dir = tempDir();
    file = join(dir.path, 'history.sqlite');
    db = openDatabase(file, { migrations });
    // aws_a is saved first and names the secret that the failing save below shares with it.
    await new ConnectorService(db, keychain).save({
      document: manual('aws_a', { secretKeyRef: SHARED }),
      secrets: [{ ref: SHARED, value: SECRET_KEY }],
    });
  });
  afterEach(async () => {
    for (const ref of [SHARED, TOKEN]) await keychain.delete(ref);
    db.close();
    dir.remove();
  });

  /** A second connector naming the shared secret, sent with a new value for it and a token of its own. */
  function second(identifier: string) {
    return {
      document: manual(identifier, { secretKeyRef: SHARED, sessionTokenRef: TOKEN }),
      secrets: [
        { ref: SHARED, value: NEW_SECRET_KEY },
        { ref: TOKEN, value: SESSION_TOKEN },
      ],
    };
  }

  it('a database write that fails changes no keychain entry and saves nothing', async () => {
    db.exec(`CREATE TRIGGER refuse_aws_b BEFORE INSERT ON connectors WHEN NEW.identifier = 'aws_b'
             BEGIN SELECT RAISE(ABORT, 'the disk said no'); END`);
    const service = new ConnectorService(db, keychain);
    await expect(service.save(second('aws_b'))).rejects.toThrow('the disk said no');
    expect(await keychain.get(SHARED)).toBe(SECRET_KEY);
    expect(await keychain.has(TOKEN)).toBe(false);
    expect(service.list().map((c) => c.identifier)).toEqual(['aws_a']);
  });

  it('a keychain write that fails puts the shared secret back and leaves no half-saved connector', async () => {
    const service = new ConnectorService(db, failingAtSet(keychain, 2));
    await expect(service.save(second('aws_b'))).rejects.toMatchObject({ value: { class: 'keychain_unavailable' } });
    expect(await keychain.get(SHARED)).toBe(SECRET_KEY);
    expect(await keychain.has(TOKEN)).toBe(false);
    expect(service.list().map((c) => c.identifier)).toEqual(['aws_a']);
    expect(databaseBytes(file)).not.toContain(NEW_SECRET_KEY);
  });

  it('an edit whose keychain write fails leaves the connector and its secret as they were', async () => {
    const service = new ConnectorService(db, failingAtSet(keychain, 2), () => new Date('2031-01-01T00:00:00Z'));
    const before = await service.get('aws_a');
    const edit = second('aws_a');
    edit.document.connector.name = 'renamed';
    await expect(service.save({ ...edit, identifier: 'aws_a' })).rejects.toMatchObject({ value: { class: 'keychain_unavailable' } });
    const after = await service.get('aws_a');
    expect(after.document).toEqual(before.document);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(await keychain.get(SHARED)).toBe(SECRET_KEY);
    expect(await keychain.has(TOKEN)).toBe(false);
  });

  it('when the keychain goes away mid-save, says which entries it could not put back', async () => {
    const service = new ConnectorService(db, failingAtSet(keychain, 2, true));
    await expect(service.save(second('aws_b'))).rejects.toMatchObject({
      value: {
        class: 'keychain_unavailable',
        message: expect.stringContaining(`could not be put back to their earlier values: ${TOKEN}, ${SHARED}`),
      },
    });
    expect(service.list().map((c) => c.identifier)).toEqual(['aws_a']);
  });
});
