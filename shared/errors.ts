/**
 * Every failure the app reports is a value: a class from one vocabulary, a message in plain words
 * and the fix. AWS credential-failure classes come from reference/aws-errors/classes.md; the app's
 * own classes describe problems with input, the keychain, the database and IPC.
 */
export const AWS_ERROR_CLASSES = [
  'invalid_access_key_id',
  'secret_key_mismatch',
  'missing_session_token',
  'expired_credentials',
  'sso_session_expired',
  'temp_credentials_restricted',
  'clock_skew',
  'permission_denied',
  'explicit_deny',
  'permissions_boundary_deny',
  'assume_role_denied',
  'role_session_duration_exceeded',
  'oidc_provider_missing',
  'web_identity_trust_denied',
  'web_identity_token_rejected',
  'oidc_idp_unreachable',
  'web_identity_token_file_error',
  'no_credentials_found',
  'profile_not_found',
  'imds_no_instance_role',
  'imds_unreachable',
  'region_not_enabled',
  'sts_token_not_valid_in_region',
  'sts_region_disabled',
  'partition_mismatch',
  'endpoint_resolution_error',
  'network_unreachable',
  'tls_certificate_error',
  'throttling',
] as const;

export const APP_ERROR_CLASSES = [
  'invalid_argument',
  'invalid_input',
  'forbidden_sender',
  'unknown_channel',
  'keychain_unavailable',
  'keychain_locked',
  'secret_not_found',
  'database_corrupt',
  'database_too_new',
  'database_locked',
  'database_read_only',
  'disk_full',
  'not_found',
  'cancelled',
  'timeout',
  'internal',
] as const;

export type AwsErrorClass = (typeof AWS_ERROR_CLASSES)[number];
export type ErrorClass = AwsErrorClass | (typeof APP_ERROR_CLASSES)[number];

/** An error as a value: its class, what happened, and what to do. Its zod schema is in error-schema.ts. */
export interface AppErrorValue {
  readonly class: ErrorClass;
  readonly message: string;
  readonly fix: string;
}

/** A thrown form of an error value, for code paths where throwing is clearer than returning. */
export class AppError extends Error {
  readonly value: AppErrorValue;

  constructor(errorClass: ErrorClass, message: string, fix: string) {
    super(message);
    this.name = 'AppError';
    this.value = { class: errorClass, message, fix };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
