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
  /** Each case's first finding: the confidence the doctor gave it and whether its class was right. */
  readonly graded: readonly { id: string; label: string; predicted: string; confidence: number; correct: boolean }[];
}

export function loadCases(): LabelledCase[] {
  return JSON.parse(readFileSync(new URL('../../fixtures/aws-errors/cases.json', import.meta.url), 'utf8')) as LabelledCase[];
}

/**
 * Runs each case's text alone through the doctor, exactly as `awb doctor` would, and ranks the classes
 * it names: the first finding, then that finding's alternatives. Only the text is given, never the label.
 */
/** The issue-14 corpus: `development` (tune on it) or `held-out` (measure only). */
export function loadCorpus(part: 'development' | 'held-out'): LabelledCase[] {
  return JSON.parse(readFileSync(new URL(`../../fixtures/aws-errors/corpus/${part}.json`, import.meta.url), 'utf8')) as LabelledCase[];
}

export async function measureAccuracy(cases: readonly LabelledCase[]): Promise<Accuracy> {
  const perClass = new Map<string, { cases: number; top1: number; top3: number }>();
  const misses: { id: string; label: string; ranked: string[] }[] = [];
  const graded: { id: string; label: string; predicted: string; confidence: number; correct: boolean }[] = [];
  let top1 = 0;
  let top3 = 0;
  for (const item of cases) {
    const [first] = (await diagnose([{ name: 'case', text: item.text }])).findings;
    const ranked: string[] = first ? [first.class, ...first.alternatives.map((a) => a.class)] : [];
    graded.push({
      id: item.id,
      label: item.class,
      predicted: ranked[0] ?? '(none)',
      confidence: first?.confidence ?? 0,
      correct: ranked[0] === item.class,
    });
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
    graded,
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

/** Rows are the labelled class, columns what the doctor ranked first; only cells off the diagonal are listed. */
export function formatConfusion(accuracy: Accuracy): string {
  const cells = new Map<string, number>();
  for (const g of accuracy.graded)
    if (!g.correct) cells.set(`${g.label} → ${g.predicted}`, (cells.get(`${g.label} → ${g.predicted}`) ?? 0) + 1);
  const rows = [...cells].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([pair, n]) => `  ${String(n).padStart(3)}  ${pair}`);
  return [`confusion (labelled → ranked first), ${accuracy.graded.filter((g) => !g.correct).length} misses:`, ...rows].join('\n');
}

export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly findings: number;
  readonly right: number;
  /** Mean confidence stated in the band, to set beside the share right. */
  readonly stated: number;
}

/** Of the first findings given a confidence in each band, how many named the right class. */
export function reliability(accuracy: Accuracy, edges: readonly number[] = [0, 0.3, 0.5, 0.7, 0.8, 0.9, 1.01]): ReliabilityBin[] {
  const bins: ReliabilityBin[] = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    // Cases with no finding stated no confidence; they count as misses in top-1, not here.
    const inBin = accuracy.graded.filter((g) => g.predicted !== '(none)' && g.confidence >= edges[i]! && g.confidence < edges[i + 1]!);
    bins.push({
      from: edges[i]!,
      to: Math.min(1, edges[i + 1]!),
      findings: inBin.length,
      right: inBin.filter((g) => g.correct).length,
      stated: inBin.length > 0 ? inBin.reduce((sum, g) => sum + g.confidence, 0) / inBin.length : 0,
    });
  }
  return bins;
}

export function formatReliability(accuracy: Accuracy): string {
  const rows = reliability(accuracy).map((bin) => {
    const share =
      bin.findings > 0 ? `${((bin.right / bin.findings) * 100).toFixed(0)}% right (mean stated ${(bin.stated * 100).toFixed(0)}%)` : '-';
    return `  confidence ${bin.from.toFixed(2)}-${bin.to.toFixed(2)}: ${String(bin.findings).padStart(3)} findings, ${share}`;
  });
  return ['reliability (first finding, cases with a finding):', ...rows].join('\n');
}
