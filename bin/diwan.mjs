#!/usr/bin/env node
// The `diwan` command for IT. From a checkout it runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/main.ts');
