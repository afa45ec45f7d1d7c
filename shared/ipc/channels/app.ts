import { appInfoSchema } from '../../app/schema';
import { channel, noArgs } from '../define';

export const appChannels = {
  'app.info': channel({ args: noArgs, result: appInfoSchema }),
};
