import { diagnose } from '../../electron/services/doctor/diagnose';
import { formatAccuracy, formatConfusion, formatReliability, loadCases, loadCorpus, measureAccuracy } from '../unit/doctor/accuracy';
import { medianMs, type BenchResult } from './bench';

/** Top-1 accuracy of the classifier over the 110 labelled real cases (top-3 and per class in the detail). */
export async function benchDoctorAccuracy(): Promise<BenchResult> {
  const accuracy = await measureAccuracy(loadCases());
  return {
    name: 'doctor top-1 accuracy on 110 real cases',
    ratio: accuracy.top1,
    detail: `top-3 ${(accuracy.top3 * 100).toFixed(0)}%\n${formatAccuracy(accuracy)}`,
  };
}

/**
 * Issue 14: top-1 on the corpus's development part (tuned on) and held-out part (measured only), each
 * with top-3, a confusion list (labelled → ranked first) and a reliability table (of the findings given
 * a confidence band, how many were right).
 */
export async function benchDoctorCorpus(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const part of ['development', 'held-out'] as const) {
    const accuracy = await measureAccuracy(loadCorpus(part));
    out.push({
      name: `doctor top-1 accuracy on corpus ${part} (${accuracy.cases})`,
      ratio: accuracy.top1,
      detail: `top-3 ${(accuracy.top3 * 100).toFixed(0)}%\n${formatAccuracy(accuracy)}\n${formatConfusion(accuracy)}\n${formatReliability(accuracy)}`,
    });
  }
  return out;
}

/** "A 10 MB paste in well under a second": the time for a 10 MB log as a ratio of one second. */
export async function benchDoctorLargeInput(): Promise<BenchResult> {
  const filler = '2024-05-14 10:22:31,114 [delegate-task-3] INFO io.harness.delegate.task ordinary line in us-east-1, no error here\n';
  const failure =
    'ERROR Explanation: The security token included in the request is invalid. (Service: AWSSecurityTokenService; Error Code: InvalidClientTokenId)\n';
  const text = filler.repeat(Math.floor((10 * 1024 * 1024 - failure.length) / filler.length)) + failure;
  const ms = await medianMs(() => diagnose([{ name: 'delegate.log', text }]), 5);
  return {
    name: 'doctor on a 10 MB log vs 1 s',
    ratio: ms / 1000,
    detail: `median ${ms.toFixed(0)} ms for ${(text.length / 1024 / 1024).toFixed(1)} MB (below 1.0 = under a second)`,
  };
}
