import { z } from 'zod';
import { delegateFormSchema, MAX_MANIFEST_CHARS } from '../../delegate/form';
import { delegateAnalysisSchema, delegateArtifactsSchema, irsaResultSchema } from '../../delegate/results';
import { channel } from '../define';

const manifestText = z.string().max(MAX_MANIFEST_CHARS, 'The manifest is larger than 1 MB; paste only the delegate manifest.');

export const delegateChannels = {
  'delegate.analyze': channel({
    args: z.object({ manifest: manifestText }).strict(),
    result: delegateAnalysisSchema,
  }),
  'delegate.irsa': channel({
    args: z.object({ manifest: manifestText, form: delegateFormSchema }).strict(),
    result: irsaResultSchema,
  }),
  'delegate.generate': channel({
    args: z.object({ form: delegateFormSchema }).strict(),
    result: delegateArtifactsSchema,
  }),
};
