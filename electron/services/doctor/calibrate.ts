/**
 * "Rank, don't guess": a confidence should be how often the doctor is right when it says so. The raw
 * confidence of a classification is the first class's share of all scores; this monotone map turns it
 * into the share of right answers observed at that raw value on the corpus development part
 * (test/fixtures/aws-errors/corpus/development.json), shrunk toward the raw value because the rules were
 * tuned on those cases. Refit with `npx tsx test/unit/doctor/fit-calibration.ts` after the rules change.
 */
export const CALIBRATION_KNOTS: readonly (readonly [raw: number, calibrated: number])[] = [
  [0.285, 0.291],
  [0.342, 0.485],
  [0.396, 0.485],
  [0.428, 0.502],
  [0.517, 0.767],
  [0.669, 0.893],
  [0.777, 0.954],
];

/** Linear between knots; below the first knot the raw value, above the last the last knot's value. */
export function calibrated(raw: number): number {
  const first = CALIBRATION_KNOTS[0]!;
  const last = CALIBRATION_KNOTS[CALIBRATION_KNOTS.length - 1]!;
  if (raw <= first[0]) return Math.min(raw, first[1]);
  if (raw >= last[0]) return last[1];
  for (let i = 1; i < CALIBRATION_KNOTS.length; i += 1) {
    const [x1, y1] = CALIBRATION_KNOTS[i]!;
    const [x0, y0] = CALIBRATION_KNOTS[i - 1]!;
    if (raw <= x1) return x1 === x0 ? y1 : y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
  }
  return last[1];
}
