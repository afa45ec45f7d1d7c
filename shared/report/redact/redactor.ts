import { REDACTION_RULES, type RedactionOptions, type RedactionRecord, type RedactionRule } from '../schema';
import { applyMask, MASK_RULES, Placeholders } from './masks';
import { redactAlways } from './secrets';

/** Objects deeper than this are cut: a report's own data is a dozen levels deep, the bounds check allows 32. */
const MAX_DEPTH = 40;
const MAX_REMEMBERED = 256;
const MAX_REMEMBERED_TEXTS = 50_000;

/**
 * Redacts every string of a report (values and keys) with one set of options and one numbering of
 * placeholders, and counts what each rule replaced. The only place report redaction rules are put
 * together; each rule is a linear scan, so a whole report is redacted in time linear in its size.
 */
export class Redactor {
  readonly #counts = new Map<RedactionRule, number>();
  readonly #placeholders = new Placeholders();
  /** Short texts repeat across a report (statuses, regions, classes): each is redacted once, counted every time. */
  readonly #seen = new Map<string, { text: string; counts: ReadonlyArray<readonly [RedactionRule, number]> }>();

  constructor(private readonly options: RedactionOptions) {}

  text(value: string): string {
    // Shorter than an account ID, with none of the characters every other rule needs: nothing to find.
    if (value.length < 12 && !/[:=@.]/.test(value)) return value;
    const known = value.length <= MAX_REMEMBERED ? this.#seen.get(value) : undefined;
    const done = known ?? this.#redact(value);
    for (const [rule, n] of done.counts) this.#counts.set(rule, (this.#counts.get(rule) ?? 0) + n);
    if (!known && value.length <= MAX_REMEMBERED && this.#seen.size < MAX_REMEMBERED_TEXTS) this.#seen.set(value, done);
    return done.text;
  }

  #redact(value: string): { text: string; counts: Array<readonly [RedactionRule, number]> } {
    const counts: Array<readonly [RedactionRule, number]> = [];
    const count = (rule: RedactionRule, n: number) => {
      if (n > 0) counts.push([rule, n]);
    };
    let text = redactAlways(value, count);
    for (const [toggle, finder] of MASK_RULES) {
      if (!this.options[toggle]) continue;
      const out = applyMask(finder, text, this.#placeholders);
      count(toggle, out.count);
      text = out.text;
    }
    return { text, counts };
  }

  /** A copy of `value` with every string redacted. */
  value<T>(value: T): T {
    return this.#walk(value, 0) as T;
  }

  #walk(value: unknown, depth: number): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth > MAX_DEPTH) return null;
    if (Array.isArray(value)) return value.map((item) => this.#walk(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[this.text(key)] = this.#walk(item, depth + 1);
    return out;
  }

  record(): RedactionRecord {
    return {
      options: { ...this.options },
      applied: REDACTION_RULES.flatMap((rule) => {
        const count = this.#counts.get(rule) ?? 0;
        return count > 0 ? [{ rule, count }] : [];
      }),
    };
  }
}

/** The rules that always apply, as a last line of defence over anything about to be written. */
export function redactSecretsOnly<T>(value: T): T {
  return new Redactor({ accounts: false, names: false, hosts: false, ips: false, emails: false }).value(value);
}
