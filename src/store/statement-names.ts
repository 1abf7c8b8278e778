// pg refuses a statement name already prepared with another text, but only on the connection that
// prepared it, so such a mistake would fail now and then under load. Checked here for the whole
// process instead, on both engines, it fails at the first run of the second text.
const texts = new Map<string, string>();

export function assertStatementName(name: string, sql: string): void {
  const known = texts.get(name);
  if (known === undefined) texts.set(name, sql);
  else if (known !== sql) throw new Error(`The statement name ${name} is already used for another SQL text`);
}
