import { collectScriptOptionsSchema, type CollectScript } from '../../../../shared/collect/schema';
import type { AppErrorValue } from '../../../../shared/errors';
import { api } from '../../lib/api';
import { LatestCall } from '../../lib/latest-call.svelte';

export type CollectField = 'namespace' | 'delegate' | 'regions';

const PAUSE_MS = 200;

/** "us-east-1, eu-west-1" or one per line, as the engineer types them. */
function regionList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/**
 * The "Ask the customer for a bundle" form: its fields, their problems (checked here as they are
 * typed, with the same schema the main process applies), and the script the main process generates.
 */
class CollectRequestState {
  open = $state(false);
  namespace = $state('harness-delegate-ng');
  delegate = $state('');
  regions = $state('us-east-1');
  exec = $state(false);
  script = $state<CollectScript | null>(null);
  error = $state<AppErrorValue | null>(null);

  readonly #generation = new LatestCall(
    PAUSE_MS,
    async () => {
      const options = this.#options();
      return options.success ? api.collect.script(options.data) : null;
    },
    (answer) => {
      if (!answer) return;
      this.script = answer.ok ? answer.value : null;
      this.error = answer.ok ? null : answer.error;
    },
  );

  /** The first problem of each field, in words that name what the field must be. */
  get problems(): Partial<Record<CollectField, string>> {
    const parsed = this.#options();
    if (parsed.success) return {};
    const problems: Partial<Record<CollectField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as CollectField;
      problems[field] ??= issue.message;
    }
    return problems;
  }

  toggle(): void {
    this.open = !this.open;
    if (this.open && !this.script) void this.#generation.run();
  }

  schedule(): void {
    this.#generation.schedule();
  }

  #options() {
    return collectScriptOptionsSchema.safeParse({
      namespace: this.namespace,
      delegate: this.delegate,
      regions: regionList(this.regions),
      exec: this.exec,
    });
  }
}

export const collectRequest = new CollectRequestState();
