import { analyzeManifest, generateArtifacts, prepareIrsa } from '../../services/delegate/delegate-service';
import type { Handlers } from '../ipc-router';

export function delegateHandlers(): Pick<Handlers, 'delegate.analyze' | 'delegate.irsa' | 'delegate.generate'> {
  return {
    'delegate.analyze': ({ manifest }) => analyzeManifest(manifest),
    'delegate.irsa': ({ manifest, form }) => prepareIrsa(manifest, form),
    'delegate.generate': ({ form }) => generateArtifacts(form),
  };
}
