import { readFileSync } from 'node:fs';
import { diagnose } from '../../../electron/services/doctor/diagnose';

export interface LabelledCase {
  readonly id: string;
  readonly text: string;
  readonly class: string;
}

export interface ClassAccuracy {
  readonly class: string;
  readonly cases: number;
  readonly top1: number;
  readonly top3: number;
}

export interface Accuracy {
  readonly cases: number;
  readonly top1: number;
  readonly top3: number;
  readonly perClass: readonly ClassAccuracy[];
  readonly misses: readonly { id: string; label: string; ranked: readonly string[] }[];
}

export function loadCases(): LabelledCase[] {
  return JSON.parse(readFileSync(new URL('../../fixtures/aws-errors/cases.json', import.meta.url), 'utf8')) as LabelledCase[];
}

/**
 * Runs each case's text alone through the doctor, exactly as `awb doctor` would, and ranks the classes
 * it names: the first finding, then that finding's alternatives. Only the text is given, never the label.
 */
export async function measureAccuracy(cases: readonly LabelledCase[]): Promise<Accuracy> {
  const perClass = new Map<string, { cases: number; top1: number; top3: number }>();
  const misses: { id: string; label: string; ranked: string[] }[] = [];
  let top1 = 0;
  let top3 = 0;
  for (const item of cases) {
    const [first] = (await diagnose([{ name: 'case', text: item.text }])).findings;
    const ranked: string[] = first ? [first.class, ...first.alternatives.map((a) => a.class)] : [];
    const row = perClass.get(item.class) ?? { cases: 0, top1: 0, top3: 0 };
    row.cases += 1;
    if (ranked[0] === item.class) {
      row.top1 += 1;
      top1 += 1;
    } else misses.push({ id: item.id, label: item.class, ranked: ranked.slice(0, 3) });
    if (ranked.slice(0, 3).includes(item.class)) {
      row.top3 += 1;
      top3 += 1;
    }
    perClass.set(item.class, row);
  }
  return {
    cases: cases.length,
    top1: top1 / cases.length,
    top3: top3 / cases.length,
    perClass: [...perClass]
      .map(([cls, row]) => ({ class: cls, cases: row.cases, top1: row.top1 / row.cases, top3: row.top3 / row.cases }))
      .sort((a, b) => a.class.localeCompare(b.class)),
    misses,
  };
}

export function formatAccuracy(accuracy: Accuracy): string {
  const pct = (value: number) => `${(value * 100).toFixed(0)}%`.padStart(5);
  const rows = accuracy.perClass.map(
    (row) => `  ${row.class.padEnd(32)} ${String(row.cases).padStart(3)}  top-1 ${pct(row.top1)}  top-3 ${pct(row.top3)}`,
  );
  return [`doctor classifier on ${accuracy.cases} labelled cases: top-1 ${pct(accuracy.top1)}, top-3 ${pct(accuracy.top3)}`, ...rows].join(
    '\n',
  );
}
