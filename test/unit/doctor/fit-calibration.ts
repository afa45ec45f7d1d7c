import { classifyText } from '../../../electron/services/doctor/classify';
import { focusText } from '../../../electron/services/doctor/focus';
import { extractSignals } from '../../../electron/services/doctor/signals';
import { loadCorpus, type LabelledCase } from './accuracy';

/**
 * `npx tsx test/unit/doctor/fit-calibration.ts`: fits the confidence map in
 * electron/services/doctor/calibrate.ts on the corpus development part only. The raw confidence is the
 * first class's share of the scores (as diagnose computes it); pool-adjacent-violators gives a monotone
 * step map to the share of right answers, each step shrunk toward the raw value by PRIOR pseudo-cases
 * (the rules were tuned on these cases, so their accuracy here is optimistic).
 */
const PRIOR = 20;

export function rawConfidence(text: string): { raw: number; top: string } | null {
  const focus = focusText(text);
  const own = extractSignals(focus.text);
  const candidates = classifyText(focus.text, own, [own]);
  const [top] = candidates;
  if (!top || top.score < 1) return null;
  const total = candidates.reduce((sum, c) => sum + c.score, 0) + 1.5;
  return { raw: top.score / total, top: top.class };
}

export function fit(cases: readonly LabelledCase[]): [number, number][] {
  const points = cases
    .flatMap((c) => {
      const r = rawConfidence(c.text);
      return r ? [{ raw: r.raw, right: r.top === c.class ? 1 : 0 }] : [];
    })
    .sort((a, b) => a.raw - b.raw);
  const blocks: { raw: number; right: number; n: number }[] = [];
  for (const p of points) {
    blocks.push({ raw: p.raw, right: p.right, n: 1 });
    while (blocks.length > 1 && blocks.at(-2)!.right / blocks.at(-2)!.n >= blocks.at(-1)!.right / blocks.at(-1)!.n) {
      const last = blocks.pop()!;
      const prev = blocks.at(-1)!;
      prev.raw = (prev.raw * prev.n + last.raw * last.n) / (prev.n + last.n);
      prev.right += last.right;
      prev.n += last.n;
    }
  }
  let floor = 0;
  return blocks.map((b) => {
    const shrunk = (b.right + PRIOR * b.raw) / (b.n + PRIOR);
    floor = Math.max(floor, shrunk);
    return [Math.round(b.raw * 1000) / 1000, Math.round(floor * 1000) / 1000];
  });
}

if (process.argv[1]?.endsWith('fit-calibration.ts')) {
  process.stdout.write(`${JSON.stringify(fit(loadCorpus('development')))}\n`);
}
