#!/usr/bin/env node
// The `guanhu` command. Runs the TypeScript sources directly through tsx's loader, so a fresh
// clone needs no compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
