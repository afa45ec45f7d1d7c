import { z } from 'zod';
import { delegateFormSchema } from '../../delegate/form';
import { delegateAnalysisSchema, delegateArtifactsSchema, irsaResultSchema } from '../../delegate/results';
import { channel } from '../define';

/** Delegate manifests are a few kilobytes; the cap only keeps a stray paste from stalling the app. */
const manifestText = z.string().max(1_000_000, 'The manifest is larger than 1 MB; paste only the delegate manifest.');

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
