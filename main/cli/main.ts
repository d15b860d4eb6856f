import '../core/shared/regexp-engine';
import { nodeVersionProblem } from './node-version';

// Checked before the commands load: an older Node fails while importing undici, with a stack trace and no advice.
const problem = nodeVersionProblem(process.version);
if (problem) {
  process.stderr.write(problem);
  process.exitCode = 1;
} else {
  const { runCli } = await import('./run');
  process.exitCode = await runCli(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
}
