// `npm start`: the reference platform, with the demo configuration unless --config says otherwise:
// `cloud-interop serve` (src/cli/serve.ts), one implementation reached two ways.
import { runCli } from './cli/cli.ts';
import { terminalIo } from './terminal.ts';

process.exitCode = await runCli(['serve', ...process.argv.slice(2)], terminalIo);
