// Java clients: swagger-codegen's `resttemplate` library, the one whose dependencies Debian
// packages (Spring 4.3 from libspring-web-java, Jackson 2.14 from libjackson2-databind-java,
// swagger-annotations from libswagger-core-java), compiled with plain javac: the generated
// pom.xml and build.gradle would fetch from Maven Central, which CI cannot reach. The default
// okhttp-gson library needs okhttp 2, gson-fire and threetenbp, none of which Debian has.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientDocument } from './documents.ts';
import { run, which } from './exec.ts';
import { clientDir, type Language, type Workspace } from './language.ts';

const JARS = ['spring3-web', 'spring3-core', 'spring3-beans', 'spring3-context', 'commons-logging', 'jackson-databind', 'jackson-core', 'jackson-annotations', 'swagger-annotations'].map(
  (name) => `/usr/share/java/${name}.jar`,
);
const PACKAGES: Record<string, string> = {
  '/usr/share/java/spring3-web.jar': 'libspring-web-java',
  '/usr/share/java/jackson-databind.jar': 'libjackson2-databind-java',
  '/usr/share/java/swagger-annotations.jar': 'libswagger-core-java',
};

const sourceDir = (ws: Workspace, doc: ClientDocument) => join(clientDir(ws, 'java', doc), 'src/main/java');
const classesDir = (ws: Workspace, doc: ClientDocument) => join(clientDir(ws, 'java', doc), 'classes');

function javaSources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.java'))
    .map((f) => join(dir, f))
    .sort();
}

/** javac with its sources in an argument file, so a long list never meets the command-line limit. */
async function javac(outDir: string, classpath: string[], sources: string[]): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const argfile = join(outDir, '..', `${outDir.split('/').pop()}.sources`);
  writeFileSync(argfile, sources.map((s) => `"${s}"`).join('\n'));
  // -nowarn: Spring 4.3's deprecations are the generator's business, not a failure of the spec.
  await run('javac', ['-nowarn', '-encoding', 'UTF-8', '-proc:none', '-d', outDir, '-cp', classpath.join(':'), `@${argfile}`]);
}

export const java: Language = {
  name: 'java',
  title: 'Java',

  missing() {
    if (!which('javac')) return 'javac is not installed (a JDK, e.g. apt-get install default-jdk-headless)';
    const absent = JARS.filter((jar) => !existsSync(jar));
    if (absent.length) {
      const packages = [...new Set(absent.map((jar) => PACKAGES[jar] ?? 'libspring-web-java'))];
      return `${absent.join(', ')} missing (apt-get install ${packages.join(' ')})`;
    }
    return undefined;
  },

  generatorArgs: (_root, doc) => [
    '-l',
    'java',
    '--library',
    'resttemplate',
    '--api-package',
    `${doc.java}.api`,
    '--model-package',
    `${doc.java}.model`,
    '--invoker-package',
    doc.java,
    // legacy dates: java.util.Date, not threetenbp (not in Debian); no nulls sent for unset fields,
    // as the spec's objects forbid a null where a value is optional.
    '--additional-properties',
    'dateLibrary=legacy,java8=true,hideGenerationTimestamp=true,notNullJacksonAnnotation=true',
  ],

  expected: (doc) => {
    const base = `src/main/java/${doc.java.replace(/\./g, '/')}`;
    return [`${base}/ApiClient.java`, `${base}/api`, `${base}/model`];
  },

  async compile(ws: Workspace, doc: ClientDocument) {
    await javac(classesDir(ws, doc), JARS, javaSources(sourceDir(ws, doc)));
    return undefined;
  },

  async runFlow(ws: Workspace, doc: ClientDocument, env: Record<string, string>) {
    const flowClasses = join(ws.out, 'java', 'flow-classes');
    const classpath = [classesDir(ws, doc), ...JARS];
    await javac(flowClasses, classpath, [join(ws.root, 'clients/java/Flow.java')]);
    return run('java', ['-cp', [flowClasses, ...classpath].join(':'), 'Flow'], { env: { ...process.env, ...env }, timeoutMs: 60_000 });
  },
};
