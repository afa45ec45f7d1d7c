import { fromHttp, fromProcess } from '@aws-sdk/credential-providers';
import { AppError, type ErrorClass } from '../../../shared/errors';
import { rawFailure } from './classify';
import type { Env } from './http';

/**
 * Plain words for the credential sources of "Assume IAM Role on Delegate" whose SDK errors say little
 * or say too much: `aws login` sessions (login_session profiles, AWS CLI 2.32+, read by the SDK's
 * login provider), `credential_process` helpers, and container credentials as the ECS agent and the
 * EKS Pod Identity Agent serve them. The SDK's own messages of these sources are documented in
 * @aws-sdk/credential-provider-login, -process and -http.
 */
export interface SourceContext {
  readonly profile: string | undefined;
  readonly env: Env;
  readonly timeoutMs: number;
}

const LOGIN = /aws login|Please reauthenticate|Failed to load token from|CreateOAuth2Token|Dpop proof|Token refresh response/i;
const NO_PROVIDER = /Could not load credentials from any providers/;
const POD_IDENTITY_HOSTS = new Set(['169.254.170.23', '[fd00:ec2::23]']);

function sourceError(errorClass: ErrorClass, message: string, fix: string): AppError {
  return new AppError(errorClass, message, fix);
}

function loginFailure(message: string, profile: string | undefined): AppError {
  const signIn = `aws login${profile ? ` --profile ${profile}` : ''}`;
  if (/CreateOAuth2Token/.test(message)) {
    return sourceError(
      'permission_denied',
      `The aws login session${profile ? ` of profile ${profile}` : ''} cannot be refreshed: ${message}`,
      `Allow signin:CreateOAuth2Token for the signed-in identity, then run ${signIn} again.`,
    );
  }
  return sourceError(
    'sso_session_expired',
    `The aws login session${profile ? ` of profile ${profile}` : ''} gives no credentials: ${message}`,
    `Sign in again with ${signIn} (AWS CLI 2.32 or later) and test again; a session lasts at most 12 hours. A delegate cannot sign in interactively: a connector that runs there needs a role (instance role, IRSA, Pod Identity) instead.`,
  );
}

const PROCESS_FIX =
  'Run the credential_process command of the profile yourself: it must exit 0 and print JSON with "Version": 1, AccessKeyId and SecretAccessKey (SessionToken and Expiration for temporary credentials).';

/** The command line and its error output are never repeated: helpers print tokens, and command lines hold passwords. */
function processFailure(message: string, profile: string | undefined): AppError {
  const which = profile ? `of profile ${profile}` : 'of the profile';
  if (/returned expired credentials/.test(message)) {
    return sourceError(
      'expired_credentials',
      `The credential_process ${which} printed credentials whose Expiration has passed.`,
      'Make the helper return fresh credentials (its cache may be stale), then test again.',
    );
  }
  if (message.startsWith('Command failed:')) {
    return sourceError(
      'no_credentials_found',
      `The credential_process command ${which} failed: it exited with an error or could not start. Its output is not shown here, as it may hold secrets.`,
      PROCESS_FIX,
    );
  }
  return sourceError('no_credentials_found', `The credential_process ${which} printed no usable credentials: ${message}`, PROCESS_FIX);
}

function containerUrl(env: Env): URL | null {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const raw = relative ? `http://169.254.170.2${relative}` : env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (!raw) return null;
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    return url;
  } catch {
    return null;
  }
}

function containerFix(url: URL, problem: 'unreachable' | 'refused'): string {
  if (POD_IDENTITY_HOSTS.has(url.host.replace(/:80$/, ''))) {
    return problem === 'unreachable'
      ? 'This is the EKS Pod Identity Agent: install the eks-pod-identity-agent add-on (a DaemonSet on every node), on Linux EC2 nodes (not Fargate), and check nothing blocks 169.254.170.23.'
      : 'For EKS Pod Identity: create the association for the pod’s namespace and service account (aws eks list-pod-identity-associations --cluster-name <cluster>), restart the pod after creating it, and give the node role eks-auth:AssumeRoleForPodIdentity.';
  }
  return problem === 'unreachable'
    ? 'This is the container agent (ECS task role, Greengrass or a local stand-in): check it runs and the task has a task role.'
    : 'Check the container credential endpoint’s authorization token (AWS_CONTAINER_AUTHORIZATION_TOKEN or _FILE) and the task role.';
}

/** A file error about the token file: the SDK lets it through the chain as it is, or raises it when asked again. */
function tokenFileFailure(error: unknown, tokenFile: string | undefined): AppError | null {
  const code = (error as NodeJS.ErrnoException).code;
  if (!tokenFile || !code || !/^E[A-Z]+$/.test(code) || !rawFailure(error).message.includes(tokenFile)) return null;
  return sourceError(
    'web_identity_token_file_error',
    `The container authorization token file ${tokenFile} cannot be read (${code}).`,
    'EKS Pod Identity mounts it at /var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token in pods whose service account has an association: create the association and restart the pod.',
  );
}

/** Asks the container endpoint once more, directly, because the chain reports only that nothing worked. */
async function containerFailure(context: SourceContext): Promise<AppError | null> {
  const url = containerUrl(context.env);
  if (!url) return null;
  const where = `${url.origin}${url.pathname}`;
  const tokenFile = context.env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
  try {
    await fromHttp({
      awsContainerCredentialsFullUri: url.toString(),
      ...(tokenFile ? { awsContainerAuthorizationTokenFile: tokenFile } : {}),
      ...(context.env.AWS_CONTAINER_AUTHORIZATION_TOKEN
        ? { awsContainerAuthorizationToken: context.env.AWS_CONTAINER_AUTHORIZATION_TOKEN }
        : {}),
      maxRetries: 0,
      timeout: Math.min(context.timeoutMs, 2000),
    })();
    return null;
  } catch (error) {
    const unreadable = tokenFileFailure(error, tokenFile);
    if (unreadable) return unreadable;
    const { message } = rawFailure(error);
    const status = /Server responded with status: (\d{3})/.exec(message)?.[1];
    if (status && status.startsWith('4')) {
      const detail = (error as { Code?: unknown }).Code;
      return sourceError(
        'no_credentials_found',
        `The container credentials endpoint ${where} refused to give credentials: HTTP ${status}${typeof detail === 'string' ? ` (${detail.slice(0, 80)})` : ''}.`,
        containerFix(url, 'refused'),
      );
    }
    if (status || /ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|timed? ?out|socket hang up/i.test(message)) {
      return sourceError(
        'imds_unreachable',
        `The container credentials endpoint ${where} ${status ? `fails (HTTP ${status})` : 'does not answer'}.`,
        containerFix(url, 'unreachable'),
      );
    }
    return sourceError(
      'no_credentials_found',
      `The container credentials endpoint ${where} gave no usable credentials.`,
      containerFix(url, 'refused'),
    );
  }
}

/**
 * Runs the profile's credential_process once more on its own: in the chain its error lets the next
 * source try, so the chain ends with "nothing worked". A profile without one answers at once.
 */
async function processDiagnosis(context: SourceContext): Promise<AppError | null> {
  try {
    await fromProcess(context.profile ? { profile: context.profile } : {})();
    return null;
  } catch (error) {
    const { message } = rawFailure(error);
    return /did not contain credential_process|could not be found/.test(message) ? null : processFailure(message, context.profile);
  }
}

/**
 * The error to report for a failed default chain: one that names the source and the fix where the
 * source is one of these, else the SDK's own (classified later like any other).
 */
export async function explainSourceFailure(error: unknown, context: SourceContext): Promise<unknown> {
  const { message } = rawFailure(error);
  if (LOGIN.test(message)) return loginFailure(message, context.profile);
  if (/credential_process/.test(message) || message.startsWith('Command failed:')) return processFailure(message, context.profile);
  const unreadable = tokenFileFailure(error, context.env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE);
  if (unreadable) return unreadable;
  if (NO_PROVIDER.test(message)) return (await processDiagnosis(context)) ?? (await containerFailure(context)) ?? error;
  return error;
}
