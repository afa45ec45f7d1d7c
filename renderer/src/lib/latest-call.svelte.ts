/**
 * A call that is asked again as its inputs change. `schedule` waits for a pause in typing before asking,
 * and an answer that comes back after a newer call started is dropped, so a slow reply never overwrites
 * a fresher one.
 */
export class LatestCall<T> {
  /** True while the newest call is in flight; an older one still running does not count. */
  busy = $state(false);

  readonly #pauseMs: number;
  readonly #call: () => Promise<T>;
  readonly #answer: (value: T) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;

  /** `call` reads its inputs before its first await, so a `$effect` that runs it depends on them. */
  constructor(pauseMs: number, call: () => Promise<T>, answer: (value: T) => void) {
    this.#pauseMs = pauseMs;
    this.#call = call;
    this.#answer = answer;
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.run(), this.#pauseMs);
  }

  async run(): Promise<void> {
    const generation = ++this.#generation;
    this.busy = true;
    const value = await this.#call();
    if (generation !== this.#generation) return;
    this.busy = false;
    this.#answer(value);
  }
}
