import type { Report } from '../../../shared/report/schema';

/** Markup, script, Markdown and fence breakers at once: what a hostile report puts in every string it can. */
export const HOSTILE =
  '<script>alert(1)</script><img src=x onerror=alert(2)>"\'`|**[x](javascript:alert(3))** ```\n# h\n</summary></details>&lt;';

/** Fields the schema bounds tightly get the start of the hostile text, which is hostile too. */
const SHORT: Readonly<Record<string, number>> = { appVersion: 100, region: 40 };

/**
 * A report whose every free-text field is hostile, and whose enums and dates stay valid. Each string
 * is numbered, so lists hold different items (as real ones do) and only their content is hostile.
 */
export function hostileReport(report: Report): Report {
  let n = 0;
  const keep = new Set(['kind', 'type', 'class', 'severity', 'status', 'name', 'decision', 'mechanism', 'code', 'partition', 'rule']);
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string')
      return keep.has(key) || key === 'createdAt' || key === 'startedAt'
        ? value
        : SHORT[key]
          ? HOSTILE.slice(0, SHORT[key])
          : `${HOSTILE} ${(n += 1)}`;
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, walk(item, k)]));
  };
  const out = walk(report, '') as Report;
  // Names of checks and inputs are enums; the free-text ones are made hostile by hand.
  for (const section of out.sections) {
    if (section.type === 'run') {
      section.run.result.connector.identifier = HOSTILE;
      // History keeps one row per region: the names differ, each of them hostile.
      section.run.result.regions.forEach((region, i) => (region.region = `${HOSTILE.slice(0, 30)}${i}`));
    }
    if (section.type === 'doctor') section.result.inputs.forEach((input) => (input.name = HOSTILE));
    if (section.type === 'policy') section.policies.forEach((policy) => (policy.name = HOSTILE));
  }
  return out;
}
