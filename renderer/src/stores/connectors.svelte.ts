import { importConnectorYaml, type YamlIssue } from '../../../shared/connector';
import type { AppErrorValue } from '../../../shared/errors';
import type { ConnectorSummary } from '../../../shared/connector/saved';
import { api } from '../lib/api';
import { WizardState } from '../views/connectors/wizard-state.svelte';

/** The connectors view: the saved list, the open wizard (if any) and the messages announced to screen readers. */
class ConnectorsStore {
  items = $state.raw<ConnectorSummary[]>([]);
  search = $state('');
  loaded = $state(false);
  error = $state.raw<AppErrorValue | null>(null);
  wizard = $state.raw<WizardState | null>(null);
  /** Polite announcements: saved, cloned, deleted. */
  notice = $state('');

  async load(): Promise<void> {
    const result = await api.connectors.list({ search: this.search.trim() || undefined });
    this.loaded = true;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.error = null;
    this.items = result.value.connectors;
  }

  create(): void {
    this.wizard = new WizardState();
  }

  /** Opens the wizard prefilled from YAML text, or returns the problems that stop it. */
  importYaml(text: string): { errors: YamlIssue[]; warnings: YamlIssue[] } {
    const result = importConnectorYaml(text);
    if (result.document) {
      // With the shape right, rule errors (a bad ARN, a missing selector) are fixed in the wizard, where they show inline.
      this.wizard = new WizardState(result.document, { source: text });
      return { errors: [], warnings: [...result.warnings] };
    }
    return { errors: [...result.errors], warnings: [...result.warnings] };
  }

  async edit(identifier: string): Promise<void> {
    const result = await api.connectors.get({ identifier });
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.wizard = new WizardState(result.value.document, { saved: true, stored: result.value.secrets });
  }

  async clone(identifier: string): Promise<void> {
    const result = await api.connectors.clone({ identifier });
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.notice = `Cloned as ${result.value.connector.name} (${result.value.connector.identifier}).`;
    await this.load();
  }

  async remove(identifier: string, deleteSecrets: boolean): Promise<void> {
    const result = await api.connectors.delete({ identifier, deleteSecrets });
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    const { secretsDeleted, secretsKept } = result.value;
    const parts = [`Deleted ${identifier}.`];
    if (secretsDeleted.length) parts.push(`Removed from the keychain: ${secretsDeleted.join(', ')}.`);
    if (deleteSecrets && secretsKept.length) parts.push(`Kept in the keychain (other connectors use them): ${secretsKept.join(', ')}.`);
    this.notice = parts.join(' ');
    await this.load();
  }

  async close(): Promise<void> {
    const saved = this.wizard?.saved;
    this.wizard = null;
    if (saved) this.notice = `Saved ${saved.name} (${saved.identifier}).`;
    await this.load();
  }
}

export const connectors = new ConnectorsStore();
