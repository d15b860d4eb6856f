import { afterAll, afterEach } from 'vitest';
import { runFileCleanups, runTestCleanups } from './helpers/cleanup';

afterEach(runTestCleanups);
afterAll(runFileCleanups);
