import {
  WIZARD_STEPS,
  checkConnectorDocument,
  documentToForm,
  emptyForm,
  exportConnectorYaml,
  fieldOfPath,
  formToDocument,
  needsDelegate,
  secretRefsOf,
  stepOfField,
  suggestedSecretRef,
  withName,
  type ConnectorDocument,
  type ConnectorForm,
  type CredentialType,
  type FieldKey,
  type SecretField,
  type SecretRefField,
  type WizardStep,
} from '../../../../shared/connector';
import type { AppErrorValue } from '../../../../shared/errors';
import type { ConnectorSummary, SecretStatus } from '../../../../shared/connector/saved';
import { api } from '../../lib/api';
import { OidcSetupState } from './oidc-state.svelte';

export interface FieldIssue {
  readonly field: FieldKey | null;
  readonly step: WizardStep;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

const SECRET_OF_REF: Record<SecretRefField, SecretField> = {
  accessKeyRef: 'accessKeyValue',
  secretKeyRef: 'secretKey',
  sessionTokenRef: 'sessionToken',
};
const SECRET_LABEL: Record<SecretField, string> = {
  accessKeyValue: 'the access key ID',
  secretKey: 'the secret key',
  sessionToken: 'the session token',
};

/**
 * One run of the connector wizard: what the user typed, the document it makes (shown live as YAML),
 * every issue mapped to its field and step, and the secret values, which go to the keychain on save
 * and are then forgotten.
 */
export class WizardState {
  form = $state<ConnectorForm>(emptyForm());
  /** The imported or saved document the form edits; its layout and extra fields are kept on export. */
  base = $state.raw<ConnectorDocument | undefined>(undefined);
  /** Set once saved: the Id the connector is stored under, which can no longer change. */
  savedIdentifier = $state<string | undefined>(undefined);
  secrets = $state<Record<SecretField, string>>({ accessKeyValue: '', secretKey: '', sessionToken: '' });
  stored = $state.raw<SecretStatus[]>([]);
  /** Secret references still following the Id (not edited by hand). */
  refsFollowId = $state<Record<SecretRefField, boolean>>({ accessKeyRef: true, secretKeyRef: true, sessionTokenRef: true });
  withSessionToken = $state(false);
  step = $state<WizardStep>('overview');
  touched = $state<Partial<Record<FieldKey, boolean>>>({});
  /** Steps the user tried to leave: all their problems are shown, not only those of touched fields. */
  attempted = $state<Partial<Record<WizardStep, boolean>>>({});
  saving = $state(false);
  saved = $state.raw<ConnectorSummary | null>(null);
  /** The document as last saved; the wizard is dirty when the form or a typed secret differs from it. */
  savedDocument = $state.raw<ConnectorDocument | undefined>(undefined);
  saveError = $state.raw<AppErrorValue | null>(null);
  /** The AWS-side generator of an OIDC connector; its values also say what a pasted token must carry. */
  readonly oidcSetup = new OidcSetupState();

  readonly document: ConnectorDocument = $derived(formToDocument($state.snapshot(this.form) as ConnectorForm, this.base));
  /** The YAML text a connector was imported from: the export keeps its comments and layout. */
  source = $state.raw<string | undefined>(undefined);
  readonly yaml: string = $derived(exportConnectorYaml(this.document, this.source));
  readonly issues: FieldIssue[] = $derived([...this.documentIssues(), ...this.secretIssues()]);
  readonly dirty: boolean = $derived(
    this.savedDocument === undefined ||
      JSON.stringify(this.savedDocument) !== JSON.stringify(this.document) ||
      Object.values(this.secrets).some((value) => value.length > 0),
  );

  /** The document the wizard opened with (empty, imported or saved): closing loses nothing while the form still makes it. */
  private readonly opened: ConnectorDocument;

  constructor(document?: ConnectorDocument, options: { saved?: boolean; stored?: SecretStatus[]; source?: string } = {}) {
    this.opened = this.document;
    if (!document) return;
    this.source = options.source;
    this.form = documentToForm(document);
    this.base = document;
    this.stored = options.stored ?? [];
    this.withSessionToken = this.form.sessionTokenRef !== '';
    // An existing document's references are its own; they stop following the Id.
    this.refsFollowId = { accessKeyRef: false, secretKeyRef: false, sessionTokenRef: false };
    if (options.saved) {
      this.savedIdentifier = document.connector.identifier;
      this.savedDocument = formToDocument(documentToForm(document), document);
    }
    this.opened = this.document;
    // A prefilled connector is judged whole at once: every step shows its problems without being visited.
    for (const step of WIZARD_STEPS) this.attempted[step] = true;
  }

  /** Typed work that closing would lose: the form differs from what was last saved (or opened), or a secret was typed. */
  get unsaved(): boolean {
    return (
      JSON.stringify(this.savedDocument ?? this.opened) !== JSON.stringify(this.document) ||
      Object.values(this.secrets).some((value) => value.length > 0)
    );
  }

  get editing(): boolean {
    return this.savedIdentifier !== undefined;
  }

  setName(name: string): void {
    this.form = withName(this.form, name);
    this.followId();
  }

  setIdentifier(identifier: string): void {
    this.form.identifier = identifier;
    this.form.identifierEdited = true;
    this.followId();
  }

  setRef(field: SecretRefField, ref: string): void {
    this.form[field] = ref;
    this.refsFollowId[field] = false;
  }

  setCredentialType(type: CredentialType): void {
    this.form.credentialType = type;
    if (needsDelegate(type)) {
      this.form.connectivity = 'delegate';
      this.form.delegateMode = 'tags';
    }
    this.followId();
  }

  setAccessKeyMode(mode: 'plain' | 'secret'): void {
    this.form.accessKeyMode = mode;
    this.followId();
  }

  setSessionToken(on: boolean): void {
    this.withSessionToken = on;
    if (!on) this.form.sessionTokenRef = '';
    this.followId();
  }

  /** Proposes secret references named after the Id until the user names them. */
  private followId(): void {
    const manual = this.form.credentialType === 'ManualConfig';
    const wanted: Record<SecretRefField, boolean> = {
      accessKeyRef: manual && this.form.accessKeyMode === 'secret',
      secretKeyRef: manual,
      sessionTokenRef: manual && this.withSessionToken,
    };
    for (const field of Object.keys(wanted) as SecretRefField[]) {
      if (wanted[field] && this.refsFollowId[field]) this.form[field] = suggestedSecretRef(this.form.identifier, field);
    }
  }

  touch(field: FieldKey): void {
    this.touched[field] = true;
  }

  /** Issues to show for a field now: once it was touched or its step was attempted. */
  visible(field: FieldKey): FieldIssue[] {
    return this.issues.filter((issue) => issue.field === field && (this.touched[field] || this.attempted[issue.step]));
  }

  errorsOf(step: WizardStep): FieldIssue[] {
    return this.issues.filter((issue) => issue.step === step && issue.severity === 'error');
  }

  stepState(step: WizardStep): 'done' | 'current' | 'error' | 'todo' {
    if (step === this.step) return 'current';
    if (this.attempted[step] && this.errorsOf(step).length > 0) return 'error';
    return WIZARD_STEPS.indexOf(step) < WIZARD_STEPS.indexOf(this.step) || this.attempted[step] ? 'done' : 'todo';
  }

  /** Moves on when the step is clean; otherwise shows all of its problems and stays. */
  next(): boolean {
    this.attempted[this.step] = true;
    if (this.errorsOf(this.step).length > 0) return false;
    const index = WIZARD_STEPS.indexOf(this.step);
    this.step = WIZARD_STEPS[Math.min(index + 1, WIZARD_STEPS.length - 1)]!;
    return true;
  }

  back(): void {
    const index = WIZARD_STEPS.indexOf(this.step);
    this.step = WIZARD_STEPS[Math.max(index - 1, 0)]!;
  }

  async save(): Promise<boolean> {
    for (const step of WIZARD_STEPS) this.attempted[step] = true;
    const firstError = this.issues.find((issue) => issue.severity === 'error');
    if (firstError) {
      this.step = firstError.step;
      return false;
    }
    this.saving = true;
    this.saveError = null;
    const secrets = secretRefsOf(this.document)
      .map(({ field, ref }) => ({ ref, value: this.secrets[SECRET_OF_REF[field]] }))
      .filter((secret) => secret.value.length > 0);
    const result = await api.connectors.save({ document: this.document, identifier: this.savedIdentifier, secrets });
    this.saving = false;
    if (!result.ok) {
      this.saveError = result.error;
      return false;
    }
    this.saved = result.value.connector;
    this.savedIdentifier = result.value.connector.identifier;
    this.base = this.document;
    this.savedDocument = this.document;
    // The values now live in the keychain only; the window forgets them.
    this.secrets = { accessKeyValue: '', secretKey: '', sessionToken: '' };
    const fresh = await api.connectors.get({ identifier: this.savedIdentifier });
    if (fresh.ok) this.stored = fresh.value.secrets;
    return true;
  }

  storedStatus(field: SecretRefField): SecretStatus | undefined {
    const ref = this.form[field];
    return this.stored.find((status) => status.ref === ref);
  }

  private documentIssues(): FieldIssue[] {
    return checkConnectorDocument(this.document).issues.map((issue) => {
      const field = fieldOfPath(issue.path);
      return { field, step: stepOfField(field), message: issue.message, severity: issue.severity };
    });
  }

  /**
   * A secret the connector names needs a value, unless the keychain already holds one. New
   * connectors must have it (Harness's wizard requires it); imported or saved ones may rely on a
   * secret that lives elsewhere, so for them it is a warning.
   */
  private secretIssues(): FieldIssue[] {
    const strict = this.base === undefined;
    return secretRefsOf(this.document).flatMap(({ field, ref }) => {
      const secret = SECRET_OF_REF[field];
      if (this.secrets[secret].length > 0 || this.stored.some((status) => status.ref === ref && status.status === 'stored')) return [];
      const message = strict
        ? `Enter ${SECRET_LABEL[secret]}; it is stored in the OS keychain as ${ref}.`
        : `No value for ${ref} is in the keychain; enter ${SECRET_LABEL[secret]} to test this connector from here.`;
      return [{ field: secret, step: 'credentials' as const, message, severity: strict ? ('error' as const) : ('warning' as const) }];
    });
  }
}
