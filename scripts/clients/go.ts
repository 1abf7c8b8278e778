// Go clients, built with Debian's Go (golang-go) in GOPATH mode: the client imports
// golang.org/x/oauth2, which Debian packages under /usr/share/gocode (golang-golang-x-oauth2-dev),
// and github.com/antihax/optional, which nobody packages: clients/go/optional stands in for it.
// Module mode would try the module proxy, which CI cannot reach.
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientDocument } from './documents.ts';
import { run, which } from './exec.ts';
import { clientDir, type Language, type Workspace } from './language.ts';

const DEBIAN_GOCODE = '/usr/share/gocode';
/** The import path of a generated client in the GOPATH: `cloudinterop/<package>`. */
export const goImportPath = (doc: ClientDocument): string => `cloudinterop/${doc.go}`;

const gopath = (ws: Workspace) => join(ws.out, 'go', 'gopath');

function goEnv(ws: Workspace, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GO111MODULE: 'off',
    GOPATH: `${gopath(ws)}:${DEBIAN_GOCODE}`,
    GOCACHE: join(ws.out, 'go', 'cache'),
    GOFLAGS: '',
    GOPROXY: 'off',
    ...extra,
  };
}

/** Puts the client (and the stand-in for antihax/optional) at their import paths. */
function link(ws: Workspace, doc: ClientDocument): void {
  const optional = join(gopath(ws), 'src/github.com/antihax/optional');
  mkdirSync(optional, { recursive: true });
  copyFileSync(join(ws.root, 'clients/go/optional/optional.go'), join(optional, 'optional.go'));
  const at = join(gopath(ws), 'src', goImportPath(doc));
  mkdirSync(join(at, '..'), { recursive: true });
  rmSync(at, { recursive: true, force: true });
  symlinkSync(clientDir(ws, 'go', doc), at, 'dir');
}

export const go: Language = {
  name: 'go',
  title: 'Go',

  missing() {
    if (!which('go')) return 'go is not installed (apt-get install golang-go golang-golang-x-oauth2-dev)';
    if (!existsSync(join(DEBIAN_GOCODE, 'src/golang.org/x/oauth2'))) return 'golang.org/x/oauth2 is not installed (apt-get install golang-golang-x-oauth2-dev)';
    return undefined;
  },

  generatorArgs: (root, doc) => [
    '-l',
    'go',
    '-t',
    join(root, 'clients/go/templates'),
    // The quote the enum constants of each Go type take (see clients/go/templates/model.mustache).
    '--additional-properties',
    `packageName=${doc.go},string=",int32= ,int64= ,float32= ,float64= ,bool= `,
  ],

  expected: () => ['client.go', 'configuration.go', 'response.go'],

  async compile(ws: Workspace, doc: ClientDocument) {
    link(ws, doc);
    const known = doc.goVetWithoutStructtag;
    await run('go', ['vet', ...(known ? ['-structtag=false'] : []), goImportPath(doc)], { env: goEnv(ws) });
    return known ? `go vet without structtag: ${known}, whose shared fields clash in Go` : undefined;
  },

  async runFlow(ws: Workspace, doc: ClientDocument, env: Record<string, string>) {
    link(ws, doc);
    const flow = join(gopath(ws), 'src/cloudinterop/flow');
    mkdirSync(flow, { recursive: true });
    copyFileSync(join(ws.root, 'clients/go/flow_test.go'), join(flow, 'flow_test.go'));
    await run('go', ['vet', 'cloudinterop/flow'], { env: goEnv(ws) });
    const binary = join(ws.out, 'go', 'flow.test');
    await run('go', ['test', '-c', '-o', binary, 'cloudinterop/flow'], { env: goEnv(ws) });
    return run(binary, ['-test.v', '-test.count=1'], { env: { ...process.env, ...env }, timeoutMs: 60_000 });
  },
};
