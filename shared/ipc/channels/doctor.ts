import { z } from 'zod';
import { DOCTOR_LIMITS, doctorInputSchema, doctorResultSchema } from '../../doctor/schema';
import { channel } from '../define';

export const doctorChannels = {
  /** Reads every pasted or dropped input, classifies the failure and cross-checks the configuration. */
  'doctor.diagnose': channel({
    args: z
      .object({
        inputs: z
          .array(doctorInputSchema.extend({ text: z.string().max(DOCTOR_LIMITS.maxInputChars) }))
          .min(1)
          .max(DOCTOR_LIMITS.maxInputs),
      })
      .strict(),
    result: doctorResultSchema,
    limits: {
      maxStringChars: DOCTOR_LIMITS.maxInputChars,
      maxTotalChars: DOCTOR_LIMITS.maxInputChars * DOCTOR_LIMITS.maxInputs + 1024 * 1024,
    },
  }),
};
