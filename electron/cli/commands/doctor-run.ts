import { statSync } from 'node:fs';
import { DOCTOR_LIMITS, type DoctorInput, type DoctorResult, type Finding } from '../../../shared/doctor/schema';
import { doctorChannels } from '../../../shared/ipc/channels/doctor';
import { diagnose } from '../../services/doctor/diagnose';
import { parseFlags, validateFlags } from '../args';
import { EXIT, UsageError, type CliIo } from '../command';
import { FLAGS } from './doctor';
import { printJson, readInput, readStdin } from '../io';

/** At most this many bytes are read from one file: the doctor reads 10 MB of text per input anyway. */
const MAX_BYTES = DOCTOR_LIMITS.maxInputChars * 4;

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // reading it says why it cannot be read
  }
}

async function readSource(path: string): Promise<DoctorInput> {
  if (path === '-') return { name: 'standard input', text: await readStdin(MAX_BYTES) };
  if (isFolder(path)) throw new UsageError(`${path} is a folder; give the files in it.`);
  return { name: path, text: readInput(path, MAX_BYTES) };
}

function formatFinding(finding: Finding, index: number, result: DoctorResult): string {
  const lines = [`${index + 1}. [${finding.severity}] ${finding.title}  (${finding.class}, ${Math.round(finding.confidence * 100)}%)`];
  lines.push(`   why: ${finding.explanation.replace(/\n/g, '\n        ')}`);
  for (const evidence of finding.evidence.slice(0, 4)) {
    lines.push(
      `   evidence (${result.inputs[evidence.input]?.name ?? 'input'} @${evidence.start}): ${evidence.text.replace(/\s+/g, ' ').slice(0, 160)}`,
    );
  }
  finding.fix.forEach((step, i) => lines.push(`   fix ${i + 1}. ${step}`));
  if (finding.decidingFacts.length > 0) lines.push(`   would decide: ${finding.decidingFacts.join(' | ')}`);
  if (finding.alternatives.length > 0)
    lines.push(`   also possible: ${finding.alternatives.map((a) => `${a.class} ${Math.round(a.confidence * 100)}%`).join(', ')}`);
  return lines.join('\n');
}

function formatText(result: DoctorResult): string {
  const inputs = result.inputs.map((input) => `  ${input.name}: ${input.kind} (${input.summary})`);
  const findings =
    result.findings.length > 0
      ? result.findings.map((f, i) => formatFinding(f, i, result))
      : ['No known AWS credential failure or configuration problem found.'];
  return [`Inputs:`, ...inputs, '', ...findings, ''].join('\n');
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, FLAGS);
  if (positionals.length === 0) throw new UsageError('give at least one file, or - to read standard input.');
  if (positionals.length > DOCTOR_LIMITS.maxInputs) throw new UsageError(`at most ${DOCTOR_LIMITS.maxInputs} inputs at once.`);
  const report = values.report ? { file: values.report, writer: await import('./report-run') } : null;
  report?.writer.reportFormat(report.file);
  const inputs: DoctorInput[] = [];
  for (const path of positionals) inputs.push(await readSource(path));
  // A file may be longer than the window accepts: the Doctor reads its first part and says so.
  const names = Object.fromEntries(inputs.map((input, index) => [`inputs.${index}.name`, input.name.slice(0, 80)]));
  const readable = inputs.map((input) => ({ ...input, text: input.text.slice(0, DOCTOR_LIMITS.maxInputChars) }));
  validateFlags(doctorChannels['doctor.diagnose'].args, { inputs: readable }, names);
  const result = await diagnose(inputs);
  if (values.json) printJson(io, result);
  else io.stdout(formatText(result));
  if (report) await report.writer.reportSection(report.file, { type: 'doctor', result });
  return EXIT.ok;
}
