import { historyPageSchema, historyQuerySchema } from '../../history/schema';
import { channel } from '../define';

export const historyChannels = {
  'history.list': channel({ args: historyQuerySchema.optional(), result: historyPageSchema }),
};
