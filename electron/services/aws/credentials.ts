import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { getDefaultRoleAssumer, getDefaultRoleAssumerWithWebIdentity } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTokenFile } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { TestConnector } from '../../../shared/aws-test/input';
import { AppError } from '../../../shared/errors';
import type { SecretStore } from '../secrets/secret-store';
import { clientConfig, type ClientSettings } from './clients';
import type { Env } from './http';
import { explainSourceFailure } from './source-failures';
import { harnessOidcCredentials } from './web-identity';

export interface CredentialDeps extends ClientSettings {
  readonly secrets: Pick<SecretStore, 'get'>;
}

export interface ResolveOptions {
  readonly profile?: string | undefined;
  readonly irsaRoleArn?: string | undefined;
  readonly irsaTokenFile?: string | undefined;
  /** OidcAuthentication: the Harness token for this run, handed over in memory and never recorded. */
  readonly webIdentityToken?: string | undefined;
}

async function secretValue(secrets: CredentialDeps['secrets'], ref: string, what: string): Promise<string> {
  const value = await secrets.get(ref);
  if (value === null || value === '') {
    throw new AppError(
      'secret_not_found',
      `The ${what} reference "${ref}" has no value in the keychain.`,
      `Store the ${what} under "${ref}" (Secrets view, or awb with --secret-key-stdin), then test again.`,
    );
  }
  return value;
}

async function manual(connector: TestConnector, deps: CredentialDeps): Promise<AwsCredentialIdentity> {
  const spec = connector.manual;
  if (!spec)
    throw new AppError(
      'invalid_input',
      'ManualConfig needs an access key and a secret key reference.',
      'Fill in the Access Key and the Secret Key reference.',
    );
  const accessKeyId = spec.accessKey ?? (await secretValue(deps.secrets, spec.accessKeyRef ?? '', 'access key'));
  const secretAccessKey = await secretValue(deps.secrets, spec.secretKeyRef, 'secret key');
  const sessionToken = spec.sessionTokenRef ? await secretValue(deps.secrets, spec.sessionTokenRef, 'session token') : undefined;
  if (accessKeyId.startsWith('ASIA') && !sessionToken) {
    throw new AppError(
      'missing_session_token',
      `${accessKeyId.slice(0, 4)}… is a temporary access key, and no session token is configured; AWS rejects temporary keys without their token.`,
      'Store the session token and set sessionTokenRef, or use a long-term AKIA… key.',
    );
  }
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** Reads the token file first, so a missing or unreadable file gets its own plain message, not the SDK's. */
function checkTokenFile(file: string | undefined, roleArn: string | undefined): { file: string; roleArn: string } {
  const fix =
    "Annotate the delegate's service account with eks.amazonaws.com/role-arn and restart the pod (the EKS webhook then sets AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE), or give the role ARN and token file explicitly.";
  if (!roleArn) throw new AppError('web_identity_token_file_error', 'The IRSA role ARN is not set (AWS_ROLE_ARN is empty).', fix);
  if (!file)
    throw new AppError(
      'web_identity_token_file_error',
      'The web identity token file is not set (AWS_WEB_IDENTITY_TOKEN_FILE is empty).',
      fix,
    );
  try {
    if (statSync(file).isDirectory())
      throw new AppError('web_identity_token_file_error', `The web identity token file ${file} is a directory.`, fix);
    if (readFileSync(file, 'utf8').trim() === '')
      throw new AppError('web_identity_token_file_error', `The web identity token file ${file} is empty.`, fix);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new AppError('web_identity_token_file_error', `The web identity token file ${file} cannot be read (${code}).`, fix);
  }
  return { file, roleArn };
}

function profilesIn(file: string, prefixed: boolean): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return [...text.matchAll(/^\s*\[\s*([^\]]+?)\s*\]/gm)]
    .map((m) => m[1] ?? '')
    .map((name) => (prefixed ? name.replace(/^profile\s+/, '') : name))
    .filter((name) => !/^(sso-session|services)\s/.test(name));
}

/** The SDK reports a missing profile as "no credentials"; the shared files tell the two apart. */
function checkProfileExists(profile: string, env: Env): void {
  const config = env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config');
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials');
  if (profilesIn(config, true).includes(profile) || profilesIn(credentials, false).includes(profile)) return;
  throw new AppError(
    'profile_not_found',
    `The config profile (${profile}) could not be found in ${config} or ${credentials}.`,
    'Create the profile in ~/.aws/config (or AWS_CONFIG_FILE) or choose an existing one.',
  );
}

async function inherit(
  profile: string | undefined,
  deps: CredentialDeps,
  sts: ReturnType<typeof clientConfig>,
): Promise<AwsCredentialIdentity> {
  try {
    // The SDK reads the chain's sources (environment, shared files, SSO cache, container and instance metadata) itself.
    // The STS settings (endpoint, proxy, timeout) go to the chain's STS calls only: as `clientConfig` they also
    // reached the SSO client, which then sent GetRoleCredentials to the STS endpoint of the test region.
    return await fromNodeProviderChain({
      ...(profile ? { profile } : {}),
      roleAssumer: getDefaultRoleAssumer(sts),
      roleAssumerWithWebIdentity: getDefaultRoleAssumerWithWebIdentity(sts),
      ignoreCache: true,
    })();
  } catch (error) {
    if (profile) checkProfileExists(profile, deps.env);
    throw await explainSourceFailure(error, { profile, env: deps.env, timeoutMs: deps.timeoutMs });
  }
}

/**
 * Resolves the base credentials exactly as the delegate would for the credential type: static keys
 * from the keychain, this machine's default chain (optionally a profile), or web identity (the
 * IRSA token file, or the Harness token given for the run) at the regional STS endpoint of the test region.
 */
export async function resolveBaseCredentials(
  connector: TestConnector,
  options: ResolveOptions,
  deps: CredentialDeps,
): Promise<AwsCredentialIdentity> {
  const sts = clientConfig('sts', connector.testRegion, deps);
  switch (connector.credentialType) {
    case 'ManualConfig':
      return manual(connector, deps);
    case 'InheritFromDelegate':
      return inherit(options.profile, deps, sts);
    case 'Irsa': {
      const { file, roleArn } = checkTokenFile(
        options.irsaTokenFile ?? deps.env.AWS_WEB_IDENTITY_TOKEN_FILE,
        options.irsaRoleArn ?? deps.env.AWS_ROLE_ARN,
      );
      return fromTokenFile({ roleArn, webIdentityTokenFile: file, roleSessionName: `awb-irsa-${randomUUID()}`, clientConfig: sts })();
    }
    case 'OidcAuthentication':
      return harnessOidcCredentials(connector, options.webIdentityToken, sts);
  }
}
