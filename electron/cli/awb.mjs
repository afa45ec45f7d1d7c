#!/usr/bin/env node
// The `awb` launcher: plain Node, TypeScript sources loaded through tsx, the same services as the app.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
