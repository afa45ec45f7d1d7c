import type { AppContext } from '../context';
import type { Handlers } from '../ipc-router';

/** Set, check and delete. There is deliberately no handler that returns a secret's value. */
export function secretsHandlers(ctx: AppContext): Pick<Handlers, 'secrets.set' | 'secrets.has' | 'secrets.delete'> {
  return {
    'secrets.set': async ({ ref, value }) => {
      await ctx.secrets.set(ref, value);
      return { ref, stored: true as const };
    },
    'secrets.has': async ({ ref }) => ({ ref, exists: await ctx.secrets.has(ref) }),
    'secrets.delete': async ({ ref }) => ({ ref, deleted: await ctx.secrets.delete(ref) }),
  };
}
