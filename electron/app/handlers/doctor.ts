import type { doctorChannels } from '../../../shared/ipc/channels/doctor';
import { diagnose } from '../../services/doctor/diagnose';
import type { HandlersOf } from '../ipc-router';

export function doctorHandlers(): HandlersOf<typeof doctorChannels> {
  return {
    'doctor.diagnose': ({ inputs }) => diagnose(inputs),
  };
}
