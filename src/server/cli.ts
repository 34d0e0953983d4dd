#!/usr/bin/env node
/** `flexiti-merchant`: the merchant API after the sale from a shell (`flexiti-merchant --help`). */
import { runCli } from './merchant/cli.js';

runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`flexiti-merchant: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
