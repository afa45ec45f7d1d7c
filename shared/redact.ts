/**
 * Removes secrets from free text before it leaves the process that holds them: error messages,
 * log lines, reports. Patterns are deliberately broad; a false positive costs a few characters of
 * context, a false negative leaks a credential.
 */
const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // JSON Web Tokens (web identity tokens, OIDC tokens).
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, '[redacted token]'],
  // Session tokens: long base64 runs (AWS session tokens are hundreds of characters).
  [/[A-Za-z0-9/+=]{100,}/g, '[redacted session token]'],
  // Secret access keys: exactly 40 base64 characters, not part of a longer run.
  [/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '[redacted secret]'],
  // Authorization headers and SigV4 signatures.
  [/(Authorization:\s*)[^\r\n]+/gi, '$1[redacted]'],
  [/(Signature=)[0-9a-f]{64}/gi, '$1[redacted]'],
  // Key/value pairs whose key names a secret.
  [
    /(\b(?:[a-z0-9]+[_-])*(?:secret[_-]?access[_-]?key|secret[_-]?key|token|password|passwd|api[_-]?key|secret)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
    '$1[redacted]',
  ],
];

export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** `AKIAIOSFODNN7EXAMPLE` → `AKIA…MPLE`: enough to tell keys apart, not enough to use one. */
export function shortenAccessKeyId(keyId: string): string {
  return keyId.length <= 8 ? keyId : `${keyId.slice(0, 4)}…${keyId.slice(-4)}`;
}
