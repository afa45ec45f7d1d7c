import { DOCTOR_LIMITS, type DoctorResult } from '../../../../shared/doctor/schema';
import type { AppErrorValue } from '../../../../shared/errors';
import { api } from '../../lib/api';

export interface DoctorInputState {
  id: number;
  name: string;
  text: string;
  /** True when a dropped file was larger than the doctor reads and only its start was kept. */
  cut: boolean;
}

const PAUSE_MS = 300;

/** The Doctor's inputs and its latest diagnosis; re-run shortly after any input changes. */
class DoctorState {
  inputs = $state<DoctorInputState[]>([{ id: 1, name: 'Paste 1', text: '', cut: false }]);
  result = $state<DoctorResult | null>(null);
  error = $state<AppErrorValue | null>(null);
  busy = $state(false);

  #nextId = 2;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;

  add(name?: string, text = '', cut = false): DoctorInputState {
    const input = { id: this.#nextId, name: name ?? `Paste ${this.#nextId}`, text, cut };
    this.#nextId += 1;
    // An untouched empty first input is replaced rather than kept next to the files.
    const only = this.inputs[0];
    if (this.inputs.length === 1 && only && only.text === '' && name !== undefined) this.inputs = [input];
    else this.inputs = [...this.inputs, input].slice(0, DOCTOR_LIMITS.maxInputs);
    this.schedule();
    return input;
  }

  remove(id: number): void {
    this.inputs = this.inputs.filter((input) => input.id !== id);
    if (this.inputs.length === 0) this.add();
    this.schedule();
  }

  async addFiles(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      const cut = file.size > DOCTOR_LIMITS.maxInputChars;
      const text = await file.slice(0, DOCTOR_LIMITS.maxInputChars).text();
      this.add(file.name, text.slice(0, DOCTOR_LIMITS.maxInputChars), cut);
    }
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.run(), PAUSE_MS);
  }

  async run(): Promise<void> {
    const generation = ++this.#generation;
    const inputs = this.inputs.filter((input) => input.text.trim().length > 0).map(({ name, text }) => ({ name, text }));
    if (inputs.length === 0) {
      this.result = null;
      this.error = null;
      return;
    }
    this.busy = true;
    const answer = await api.doctor.diagnose({ inputs });
    if (generation !== this.#generation) return;
    this.busy = false;
    if (answer.ok) {
      this.result = answer.value;
      this.error = null;
    } else {
      this.error = answer.error;
    }
  }

  /** The input a finding's evidence points at, by its index among the inputs that were sent. */
  sentInput(index: number): DoctorInputState | undefined {
    return this.inputs.filter((input) => input.text.trim().length > 0)[index];
  }
}

export const doctor = new DoctorState();
