import type { AppErrorValue } from '../../../../shared/errors';
import type { UseCaseId } from '../../../../shared/iam/use-cases';
import type { PolicyCheckResult, PolicyKind } from '../../../../shared/policy/schema';
import { api } from '../../lib/api';

export interface PolicyText {
  id: number;
  name: string;
  text: string;
}

/** Kinds that take several documents (a role has many policies, an account several SCP levels). */
export const MULTI_KINDS: readonly PolicyKind[] = ['identity', 'scp'];

/** The policy check's form and its latest result. */
class PolicyState {
  documents = $state<Record<PolicyKind, PolicyText[]>>({
    identity: [{ id: 1, name: 'identity-policy', text: '' }],
    boundary: [{ id: 2, name: 'boundary', text: '' }],
    scp: [{ id: 3, name: 'scp', text: '' }],
    session: [{ id: 4, name: 'session', text: '' }],
    trust: [{ id: 5, name: 'trust', text: '' }],
  });
  useCases = $state<UseCaseId[]>([]);
  actions = $state('');
  region = $state('us-east-1');
  resource = $state('');
  context = $state('');
  serviceAccount = $state('');

  result = $state<PolicyCheckResult | null>(null);
  error = $state<AppErrorValue | null>(null);
  busy = $state(false);
  #nextId = 6;

  add(kind: PolicyKind): void {
    this.documents[kind] = [...this.documents[kind], { id: this.#nextId, name: `${kind}-${this.#nextId}`, text: '' }];
    this.#nextId += 1;
  }

  remove(kind: PolicyKind, id: number): void {
    this.documents[kind] = this.documents[kind].filter((d) => d.id !== id);
  }

  filled(kind: PolicyKind): PolicyText[] {
    return this.documents[kind].filter((d) => d.text.trim().length > 0);
  }

  /** `key=value` per line; a line without `=` is reported instead of guessed. */
  parseContext(): { context: Record<string, string>; problem: string | null } {
    const context: Record<string, string> = {};
    for (const line of this.context
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      const at = line.indexOf('=');
      if (at <= 0) return { context, problem: `Context line "${line}" needs key=value, e.g. aws:MultiFactorAuthPresent=true.` };
      context[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    return { context, problem: null };
  }

  async check(): Promise<void> {
    const { context, problem } = this.parseContext();
    if (problem) {
      this.error = { class: 'invalid_input', message: problem, fix: 'Write one key=value per line.' };
      return;
    }
    const [namespace, name] = this.serviceAccount.split(':').map((part) => part.trim());
    const single = (kind: PolicyKind) => {
      const [first] = this.filled(kind);
      return first ? { name: first.name, text: first.text } : undefined;
    };
    this.busy = true;
    const answer = await api.policy.check({
      identity: this.filled('identity').map(({ name, text }) => ({ name, text })),
      boundary: single('boundary'),
      scps: this.filled('scp').map(({ name, text }) => ({ name, text })),
      session: single('session'),
      trust: single('trust'),
      serviceAccount: namespace && name ? { namespace, name } : undefined,
      useCases: [...this.useCases],
      actions: this.actions.split(/[\s,]+/).filter(Boolean),
      resource: this.resource.trim() || undefined,
      region: this.region.trim() || 'us-east-1',
      context,
    });
    this.busy = false;
    if (answer.ok) {
      this.result = answer.value;
      this.error = null;
    } else {
      this.result = null;
      this.error = answer.error;
    }
  }
}

export const policy = new PolicyState();
