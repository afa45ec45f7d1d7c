/**
 * Why an OIDC connector cannot be tested without a token, and how to get one. Harness mints the token
 * for each pipeline run and never shows it (developer-hub "Use OIDC"); CI steps that use an OIDC
 * connector receive it (Harness's CI plugins read it as PLUGIN_OIDC_TOKEN_ID), so that is where a
 * user can capture one. Shared by the CLI (exit 2) and the test itself (a failed credentials step).
 */
export const NO_TOKEN_MESSAGE =
  'OIDC connectors authenticate with a token Harness mints per pipeline run; this app cannot mint one, so the test needs a token from you.';

export const HOW_TO_GET_ONE =
  'Capture one in Harness: a CI step that uses this connector receives it (Harness CI plugins read it as PLUGIN_OIDC_TOKEN_ID); save it to a file there without printing it, and test within its lifetime (about an hour).';

export const NO_TOKEN_FIX_CLI = `${HOW_TO_GET_ONE} Then: awb test --connector <file> --web-identity-token-file <token file>. The token is read for the run only, never stored.`;

export const NO_TOKEN_FIX_WINDOW = `${HOW_TO_GET_ONE} Paste it into the token field of the connector wizard's Save and test step, or use awb test --web-identity-token-file. It is never stored.`;
