// The bundle's entry (out/cli/awb.js): the process around `main`, which stays free of it so tests call it directly.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
