import type { AppErrorValue } from '../../../../shared/errors';
import { retentionSchema, type Retention } from '../../../../shared/history/retention';
import { api } from '../../lib/api';
import { history } from '../../stores/history.svelte';
import { plural } from './present';

/** The setting in words, for the line under the list. */
export function describeRetention(retention: Retention): string {
  const { maxAgeDays: days, keepPerConnector: keep } = retention;
  if (days === null && keep === null) return 'Every run is kept until you delete it.';
  const rules = [
    ...(days !== null ? [`runs older than ${plural(days, 'day')}`] : []),
    ...(keep !== null ? [`all but the newest ${keep.toLocaleString()} of each connector`] : []),
  ];
  return `Removed after each run: ${rules.join(', and ')}. Imported runs are kept until you delete them.`;
}

/** The form's fields as typed: a rule can be off, and a number is checked only when its rule is on. */
interface Draft {
  ageOn: boolean;
  days: number;
  keepOn: boolean;
  keep: number;
}

/** The retention setting, the dialog that changes it, and what saving it removed. */
export class RetentionState {
  retention = $state.raw<Retention | null>(null);
  editing = $state(false);
  draft = $state<Draft>({ ageOn: false, days: 90, keepOn: false, keep: 200 });
  saving = $state(false);
  error = $state.raw<AppErrorValue | null>(null);
  /** What the last save did, announced once. */
  notice = $state('');

  async load(): Promise<void> {
    const reply = await api.history.getRetention();
    if (reply.ok) this.retention = reply.value;
    else this.error = reply.error;
  }

  edit(): void {
    const current = this.retention;
    this.draft = {
      ageOn: current?.maxAgeDays != null,
      days: current?.maxAgeDays ?? 90,
      keepOn: current?.keepPerConnector != null,
      keep: current?.keepPerConnector ?? 200,
    };
    this.error = null;
    this.editing = true;
  }

  /** A problem with a number the user typed, shown beside its field; null when it is fine. */
  problem(field: 'days' | 'keep'): string | null {
    const on = field === 'days' ? this.draft.ageOn : this.draft.keepOn;
    const value: unknown = this.draft[field];
    const schema = field === 'days' ? retentionSchema.shape.maxAgeDays : retentionSchema.shape.keepPerConnector;
    if (!on || (typeof value === 'number' && schema.safeParse(value).success)) return null;
    return field === 'days' ? 'Give a whole number of days from 1 to 36,500.' : 'Give a whole number of runs from 1 to 1,000,000.';
  }

  async save(): Promise<boolean> {
    if (this.problem('days') || this.problem('keep')) return false;
    const next = retentionSchema.safeParse({
      maxAgeDays: this.draft.ageOn ? this.draft.days : null,
      keepPerConnector: this.draft.keepOn ? this.draft.keep : null,
    });
    if (!next.success) return false;
    this.saving = true;
    const reply = await api.history.setRetention(next.data);
    this.saving = false;
    if (!reply.ok) {
      this.error = reply.error;
      return false;
    }
    this.retention = reply.value.retention;
    const removed = reply.value.prune?.deleted ?? 0;
    this.notice = `Retention saved. ${removed ? `${plural(removed, 'run')} removed.` : 'No run needed removing.'}`;
    this.editing = false;
    if (removed) await history.refresh();
    return true;
  }
}
