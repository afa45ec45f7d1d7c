import { DOCTOR_LIMITS, type DoctorResult } from '../../../../shared/doctor/schema';
import type { AppErrorValue } from '../../../../shared/errors';
import { api } from '../../lib/api';
import { LatestCall } from '../../lib/latest-call.svelte';

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

  #nextId = 2;
  readonly #diagnosis = new LatestCall(
    PAUSE_MS,
    async () => {
      const inputs = this.#filled().map(({ name, text }) => ({ name, text }));
      return inputs.length > 0 ? api.doctor.diagnose({ inputs }) : null;
    },
    (answer) => {
      if (!answer) {
        this.result = null;
        this.error = null;
      } else if (answer.ok) {
        this.result = answer.value;
        this.error = null;
      } else {
        this.error = answer.error;
      }
    },
  );

  get busy(): boolean {
    return this.#diagnosis.busy;
  }

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
    this.#diagnosis.schedule();
  }

  /** The input a finding's evidence points at, by its index among the inputs that were sent. */
  sentInput(index: number): DoctorInputState | undefined {
    return this.#filled()[index];
  }

  /** Empty inputs are not sent, so evidence indexes count only the filled ones. */
  #filled(): DoctorInputState[] {
    return this.inputs.filter((input) => input.text.trim().length > 0);
  }
}

export const doctor = new DoctorState();
