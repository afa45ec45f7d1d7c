import { manifestDiff, type ManifestDiff } from '../../../../shared/delegate/diff';
import { applyEdits } from '../../../../shared/delegate/edits';
import type { DelegateFormInput, DelegateMechanism } from '../../../../shared/delegate/form';
import type { DelegateAnalysis, DelegateArtifacts, IrsaResult } from '../../../../shared/delegate/results';
import { isAppError, type AppErrorValue } from '../../../../shared/errors';
import type { UseCaseId } from '../../../../shared/iam/use-cases';
import type { IpcResult } from '../../../../shared/ipc/define';
import { api } from '../../lib/api';
import { LatestCall } from '../../lib/latest-call.svelte';

/** Recomputing on every keystroke is cheap in the service; the pause only avoids flicker while typing. */
const PAUSE_MS = 250;

/** One refresh's answers, with the manifest they were computed for. */
interface Refreshed {
  manifest: string;
  analysis: IpcResult<DelegateAnalysis> | null;
  outcome: IpcResult<IrsaResult | DelegateArtifacts> | null;
}

/** What the view calls each mechanism, and the name of the manifest it saves. */
const MECHANISMS: Record<DelegateMechanism, { readonly label: string; readonly fileName: string }> = {
  irsa: { label: 'IRSA', fileName: 'harness-delegate.irsa.yaml' },
  'pod-identity': { label: 'Pod Identity', fileName: 'harness-delegate.pod-identity.yaml' },
};

class DelegateWorkbench {
  manifest = $state('');
  mechanism = $state<DelegateMechanism>('irsa');
  serviceAccount = $state('harness-delegate');
  namespace = $state('');
  roleMode = $state<'arn' | 'parts'>('arn');
  roleArn = $state('');
  accountId = $state('');
  roleName = $state('');
  oidcIssuer = $state('');
  region = $state('');
  clusterName = $state('');
  stsRegionalEndpoints = $state(false);
  useCases = $state<UseCaseId[]>([]);
  bucket = $state('');

  analysis = $state<DelegateAnalysis | null>(null);
  result = $state<IrsaResult | null>(null);
  /**
   * The main process answers with splices, not the patched manifest (which holds the delegate
   * token); the patched text and its diff are made here from the text that was sent.
   */
  patched = $state<string | null>(null);
  diff = $state<ManifestDiff | null>(null);
  artifacts = $state<DelegateArtifacts | null>(null);
  error = $state<AppErrorValue | null>(null);

  readonly #refresh = new LatestCall(
    PAUSE_MS,
    () => this.#ask(),
    (answer) => this.#show(answer),
  );

  /** `IRSA` or `Pod Identity`, for headings and labels. */
  get mechanismLabel(): string {
    return MECHANISMS[this.mechanism].label;
  }

  get patchedFileName(): string {
    return MECHANISMS[this.mechanism].fileName;
  }

  form(): DelegateFormInput {
    const byArn = this.roleMode === 'arn';
    const irsa = this.mechanism === 'irsa';
    return {
      mechanism: this.mechanism,
      serviceAccount: this.serviceAccount,
      namespace: this.namespace,
      roleArn: byArn ? this.roleArn : undefined,
      accountId: byArn ? undefined : this.accountId,
      roleName: byArn ? undefined : this.roleName,
      // Fields the form hides for Pod Identity are not sent: a stale issuer would still pick the region.
      oidcIssuer: irsa ? this.oidcIssuer : undefined,
      region: this.region,
      clusterName: this.clusterName,
      stsRegionalEndpoints: irsa && this.stsRegionalEndpoints,
      useCases: [...this.useCases],
      bucket: this.bucket,
    };
  }

  schedule(): void {
    this.#refresh.schedule();
  }

  refresh(): Promise<void> {
    return this.#refresh.run();
  }

  async #ask(): Promise<Refreshed> {
    const manifest = this.manifest;
    const form = this.form();
    const hasManifest = manifest.trim().length > 0;
    const [analysis, outcome] = await Promise.all([
      hasManifest ? api.delegate.analyze({ manifest }) : null,
      this.serviceAccount.trim() ? (hasManifest ? api.delegate.irsa({ manifest, form }) : api.delegate.generate({ form })) : null,
    ]);
    return { manifest, analysis, outcome };
  }

  #show({ manifest, analysis, outcome }: Refreshed): void {
    this.error = null;
    this.analysis = analysis?.ok ? analysis.value : null;
    if (analysis && !analysis.ok) this.error = analysis.error;
    if (!outcome) {
      this.#setResult(null);
      this.artifacts = null;
    } else if (!outcome.ok) {
      this.error = outcome.error;
    } else if ('artifacts' in outcome.value) {
      this.#setResult(outcome.value, manifest);
      this.artifacts = outcome.value.artifacts;
    } else {
      this.#setResult(null);
      this.artifacts = outcome.value;
    }
  }

  /** `sent` is the manifest the edits were computed for, not whatever the textarea holds by now. */
  #setResult(result: IrsaResult | null, sent = ''): void {
    let patched: string | null = null;
    try {
      patched = result?.edits ? applyEdits(sent, result.edits) : null;
    } catch (error) {
      if (!isAppError(error)) throw error;
      this.error = error.value;
    }
    this.result = result;
    this.patched = patched;
    this.diff = patched === null ? null : manifestDiff(sent, patched);
  }
}

export const workbench = new DelegateWorkbench();
