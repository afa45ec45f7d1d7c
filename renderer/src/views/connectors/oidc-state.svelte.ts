import { newRunId } from '../../../../shared/run-id';
import { SvelteDate } from 'svelte/reactivity';
import type { CheckName, RegionResult, RunResult } from '../../../../shared/aws-test/result';
import { checkRoleArn, type ConnectorForm } from '../../../../shared/connector';
import type { AppErrorValue } from '../../../../shared/errors';
import {
  checkTokenClaims,
  readTokenClaims,
  type ClaimCheck,
  type ClaimExpectations,
  type TokenClaims,
} from '../../../../shared/oidc/claims';
import { DEFAULT_OIDC_AUDIENCE, subjectCondition } from '../../../../shared/oidc/harness';
import type { OidcSetupResult } from '../../../../shared/oidc/setup';
import { partitionOfRegion } from '../../../../shared/regions';
import { api } from '../../lib/api';
import { LatestCall } from '../../lib/latest-call.svelte';
import { cellOf, type Cell, type RunView } from '../test/test-state.svelte';

/**
 * The wizard's generator for the AWS side of an OIDC connector: what the user says about the Harness
 * and AWS accounts, and the provider, trust policy and commands the main process answers with. The
 * same values say what the role will want from a token, so a pasted token is checked against them.
 */
export class OidcSetupState {
  harnessAccountId = $state('');
  awsAccountId = $state('');
  partition = $state('aws');
  audience = $state(DEFAULT_OIDC_AUDIENCE);
  org = $state('');
  project = $state('');
  roleName = $state('harness-oidc');
  sessionTags = $state(false);
  result = $state.raw<OidcSetupResult | null>(null);
  error = $state.raw<AppErrorValue | null>(null);

  readonly #call = new LatestCall(
    250,
    () => api.oidc.setup(this.input()),
    (reply) => {
      this.result = reply.ok ? reply.value : null;
      this.error = reply.ok ? null : reply.error;
    },
  );

  /** Fills what the connector already says (the role ARN's account, partition and name; its org and project), never over what was typed. */
  prefill(form: ConnectorForm): void {
    const role = checkRoleArn(form.iamRoleArn);
    if (role.ok) {
      this.awsAccountId ||= role.accountId;
      this.partition = role.partition;
      this.roleName = role.roleName;
    }
    this.org ||= form.orgIdentifier;
    this.project ||= form.projectIdentifier;
    this.sessionTags = form.oidcSessionTagKeys.length > 0;
  }

  private input() {
    const optional = (value: string) => (value.trim() ? value.trim() : undefined);
    return {
      harnessAccountId: this.harnessAccountId.trim(),
      awsAccountId: this.awsAccountId.trim(),
      partition: this.partition,
      audience: this.audience.trim() || DEFAULT_OIDC_AUDIENCE,
      org: optional(this.org),
      project: optional(this.project),
      roleName: this.roleName.trim() || 'harness-oidc',
      sessionTags: this.sessionTags,
    };
  }

  /** Asks again after a pause in typing; nothing is asked before both account IDs are there. */
  refresh(): void {
    if (this.harnessAccountId.trim() && this.awsAccountId.trim()) this.#call.schedule();
    else this.result = this.error = null;
  }

  /** What the generated trust policy admits, for checking a pasted token against it. */
  expectations(): ClaimExpectations {
    const account = this.harnessAccountId.trim();
    return {
      harnessAccountId: account || undefined,
      audience: this.audience.trim() || DEFAULT_OIDC_AUDIENCE,
      subject: account ? subjectCondition(account, this.org.trim() || undefined, this.project.trim() || undefined) : null,
    };
  }
}

/**
 * The Save-and-test step for an OIDC connector: the pasted Harness token, its claims and what they
 * mean for the role, and one test run with it. The token lives only in `token` until the run is
 * sent; then it is forgotten, and only its claims (which are not secret) stay on screen.
 */
export class OidcTestState implements RunView {
  token = $state('');
  claims = $state.raw<TokenClaims | null>(null);
  problem = $state<string | null>(null);
  endpointUrl = $state('');
  runId = $state<string | null>(null);
  rows = $state.raw<RegionResult[]>([]);
  completed = $state(0);
  total = $state(0);
  result = $state.raw<RunResult | null>(null);
  error = $state.raw<AppErrorValue | null>(null);
  selected = $state.raw<Cell | null>(null);
  readonly connector = undefined;

  get running(): boolean {
    return this.runId !== null;
  }

  /** Reads the claims as the token is pasted or typed; nothing is sent anywhere. */
  read(): void {
    const read = this.token.trim() ? readTokenClaims(this.token) : null;
    this.claims = read?.ok ? read.claims : null;
    this.problem = read && !read.ok ? read.problem : null;
  }

  checks(expected: ClaimExpectations): ClaimCheck[] {
    return this.claims ? checkTokenClaims(this.claims, expected, new SvelteDate()) : [];
  }

  async run(connectorIdentifier: string, testRegion: string): Promise<void> {
    const webIdentityToken = this.token.trim();
    if (!webIdentityToken || this.running) return;
    // The token's one use: this call. The field is emptied before anything else can see it.
    this.token = '';
    const runId = newRunId();
    this.runId = runId;
    this.result = this.error = this.selected = null;
    this.rows = [
      { region: testRegion, partition: partitionOfRegion(testRegion) ?? 'unknown', status: 'skipped', identity: null, checks: [] },
    ];
    this.completed = 0;
    this.total = 1;
    const unsubscribe = api.onProgress('test.run', (event) => {
      if (event.runId !== runId) return;
      this.rows = [event.region];
      this.completed = event.completed;
    });
    try {
      const options = { ...(this.endpointUrl.trim() ? { endpointUrl: this.endpointUrl.trim() } : {}) };
      const reply = await api.test.run({ connectorIdentifier, runId, options, webIdentityToken });
      this.result = reply.ok ? reply.value : null;
      this.error = reply.ok ? null : reply.error;
      this.rows = reply.ok ? reply.value.regions : [];
    } finally {
      unsubscribe();
      this.runId = null;
    }
  }

  async cancel(): Promise<void> {
    if (this.runId) await api.test.cancel({ runId: this.runId });
  }

  cell(row: RegionResult, name: CheckName): Cell {
    return cellOf(row, name);
  }
}
