// Python clients: swagger-codegen's urllib3 client, which needs urllib3, six, certifi and
// python-dateutil (preinstalled in this machine's python3; Debian: python3-urllib3, python3-six,
// python3-certifi, python3-dateutil). "Compiling" is byte-compiling and importing the package.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ClientDocument } from './documents.ts';
import { run } from './exec.ts';
import { clientDir, type Language, type Workspace } from './language.ts';

const RUNTIME = ['urllib3', 'six', 'certifi', 'dateutil'];

const pythonEnv = (dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  PYTHONPATH: dir,
  PYTHONDONTWRITEBYTECODE: '1',
  ...extra,
});

export const python: Language = {
  name: 'python',
  title: 'Python',

  missing() {
    const probe = spawnSync('python3', ['-c', `import ${RUNTIME.join(', ')}`], { encoding: 'utf8' });
    if (probe.error) return 'python3 is not installed';
    if (probe.status !== 0) {
      const why = probe.stderr.trim().split('\n').pop() ?? '';
      return `python3 cannot import ${RUNTIME.join('/')}: ${why} (apt-get install python3-urllib3 python3-six python3-certifi python3-dateutil)`;
    }
    return undefined;
  },

  generatorArgs: (_root, doc) => ['-l', 'python', '--additional-properties', `packageName=${doc.python},projectName=${doc.python.replace(/_/g, '-')}`],

  expected: (doc) => [`${doc.python}/__init__.py`, `${doc.python}/api_client.py`, `${doc.python}/api`, `${doc.python}/models`],

  async compile(ws: Workspace, doc: ClientDocument) {
    const dir = clientDir(ws, 'python', doc);
    await run('python3', ['-m', 'compileall', '-q', join(dir, doc.python)], { env: pythonEnv(dir) });
    await run('python3', ['-c', `import ${doc.python}, ${doc.python}.api, ${doc.python}.models`], { env: pythonEnv(dir) });
    return undefined;
  },

  async runFlow(ws: Workspace, doc: ClientDocument, env: Record<string, string>) {
    const dir = clientDir(ws, 'python', doc);
    return run('python3', [join(ws.root, 'clients/python/flow.py')], { env: pythonEnv(dir, env), timeoutMs: 60_000 });
  },
};
