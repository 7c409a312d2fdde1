#!/usr/bin/env node
// The `kumoji` command. The server is TypeScript run through tsx (a runtime dependency).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/server/cli.ts');
await runCli(process.argv.slice(2));
