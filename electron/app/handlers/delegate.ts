import type { delegateChannels } from '../../../shared/ipc/channels/delegate';
import { analyzeManifest, generateArtifacts, prepareIrsa } from '../../services/delegate/delegate-service';
import type { HandlersOf } from '../ipc-router';

export function delegateHandlers(): HandlersOf<typeof delegateChannels> {
  return {
    'delegate.analyze': ({ manifest }) => analyzeManifest(manifest),
    'delegate.irsa': ({ manifest, form }) => prepareIrsa(manifest, form),
    'delegate.generate': ({ form }) => generateArtifacts(form),
  };
}
