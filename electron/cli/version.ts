import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; productName: string };

export const APP_VERSION = pkg.version;
export const APP_NAME = pkg.productName;
