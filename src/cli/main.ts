#!/usr/bin/env node
// Entry point of the `cloud-interop` command: node --import tsx src/cli/main.ts <command> [options]
// from a checkout; the installed package's bin is its build, dist/src/cli/main.js (hence plain node).
import { terminalIo } from '../terminal.ts';
import { runCli } from './cli.ts';

// exitCode rather than exit(): pending output to a pipe is written before the process ends.
process.exitCode = await runCli(process.argv.slice(2), terminalIo);
