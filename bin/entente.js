#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (npm install builds it through `prepare`).
import { runCli } from '../dist/src/cli/main.js';

await runCli(process.argv.slice(2));
