import { collectScriptOptionsSchema, collectScriptSchema } from '../../collect/schema';
import { channel } from '../define';

export const collectChannels = {
  /** The read-only script the customer runs beside the delegate, with the note to send along. */
  'collect.script': channel({ args: collectScriptOptionsSchema, result: collectScriptSchema }),
};
