import { formatAccuracy, formatConfusion, formatReliability, loadCases, loadCorpus, measureAccuracy } from './accuracy';

/** `npx tsx test/unit/doctor/measure-all.ts [--misses]`: the three labelled sets, as the bench reports them. */
const showMisses = process.argv.includes('--misses');
for (const [name, cases] of [
  ['original 110', loadCases()],
  ['development', loadCorpus('development')],
  ['held-out', loadCorpus('held-out')],
] as const) {
  const accuracy = await measureAccuracy(cases);
  process.stdout.write(`== ${name}: top-1 ${(accuracy.top1 * 100).toFixed(1)}%, top-3 ${(accuracy.top3 * 100).toFixed(1)}%\n`);
  if (process.argv.includes('--full')) process.stdout.write(`${formatAccuracy(accuracy)}\n${formatConfusion(accuracy)}\n`);
  process.stdout.write(`${formatReliability(accuracy)}\n`);
  if (showMisses && name !== 'held-out')
    process.stdout.write(`${accuracy.misses.map((m) => `  ${m.id} ${m.label} → ${m.ranked.join(', ')}`).join('\n')}\n`);
}
