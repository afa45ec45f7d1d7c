/**
 * A run id: a UUID of version 7 (RFC 9562), whose first 48 bits are the start time in milliseconds.
 * Runs then sort by time in every index keyed by their id, so the detail rows of old runs sit
 * together in the file and a prune removes whole pages, not single rows scattered across it.
 */
export function newRunId(startedAtMs: number = Date.now()): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let time = Math.max(0, Math.floor(startedAtMs));
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
