import type { AppContext } from '../context';
import type { Handlers } from '../ipc-router';

export function appHandlers(ctx: AppContext): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () => ({
      name: ctx.appName,
      version: ctx.appVersion,
      versions: {
        ...ctx.versions,
        sqlite: (ctx.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      },
      platform: process.platform,
      arch: process.arch,
      paths: ctx.paths,
      keychain: await ctx.secrets.status(),
      schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
      notices: [...ctx.notices],
    }),
  };
}
