import { diagnose } from '../../services/doctor/diagnose';
import type { Handlers } from '../ipc-router';

export function doctorHandlers(): Pick<Handlers, 'doctor.diagnose'> {
  return {
    'doctor.diagnose': ({ inputs }) => diagnose(inputs),
  };
}
