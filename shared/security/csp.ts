/**
 * The Content-Security-Policy of the app window. One builder serves the production build (sent as a
 * response header by the app protocol and written into index.html) and the Vite dev server. Only
 * `style-src` and `connect-src` differ in development, where Vite injects styles and talks to its
 * hot-reload socket; `script-src` is `'self'` in both, so no inline script and no eval ever run.
 */
export type CspMode = 'production' | 'development';

export function contentSecurityPolicy(mode: CspMode, devServerOrigin = 'http://localhost:5173'): string {
  const dev = mode === 'development';
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': dev ? ["'self'", devServerOrigin.replace(/^http/, 'ws')] : ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'worker-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
