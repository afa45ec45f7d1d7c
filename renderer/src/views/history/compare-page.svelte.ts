import type { AppErrorValue } from '../../../../shared/errors';
import type { RunComparison } from '../../../../shared/history/compare';
import { api } from '../../lib/api';

/** Two runs side by side: `a` the earlier, `b` the later; without `a`, the run of b's connector before it. */
export class ComparePageState {
  comparison = $state.raw<RunComparison | null>(null);
  error = $state.raw<AppErrorValue | null>(null);
  /** Hides the checks that came out the same, for a sweep where only a few regions moved. */
  onlyChanges = $state(false);

  constructor(
    readonly b: string,
    readonly a: string | undefined,
  ) {}

  async load(): Promise<void> {
    const reply = await api.history.compare(this.a ? { a: this.a, b: this.b } : { b: this.b });
    if (reply.ok) this.comparison = reply.value;
    else this.error = reply.error;
  }

  /** The regions to show, each with the checks to show; a check skipped in both runs (an unused assume-role) says nothing. */
  get regions(): RunComparison['regions'] {
    const shown = (check: Check) => !idle(check) && (!this.onlyChanges || check.change !== 'unchanged' || check.timing !== null);
    return (this.comparison?.regions ?? [])
      .map((region) => ({ ...region, checks: region.checks.filter(shown) }))
      .filter((region) => region.checks.length > 0);
  }

  /** How many checks were skipped in both runs and left out. */
  get idle(): number {
    return (this.comparison?.regions ?? []).flatMap((region) => region.checks).filter(idle).length;
  }

  /** The headline's parts, worst first: the first is the answer, the rest is detail. */
  get headline(): { first: string; rest: string[] } {
    const [first = '', ...rest] = (this.comparison?.headline ?? '').split('; ');
    return { first, rest };
  }
}

type Check = RunComparison['regions'][number]['checks'][number];

const idle = (check: Check) => check.change === 'unchanged' && check.a?.status === 'skipped' && check.b?.status === 'skipped';
