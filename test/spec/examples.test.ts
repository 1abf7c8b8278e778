// Every named example of every document validates against its schema, and a deliberately broken
// copy of it does not: the examples are the fixtures of the whole test suite.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledApis, deref, operations, pointer, schemaValidator, type Json, type JsonObject } from '../support/spec.ts';

/** Properties every value of the schema must have (for oneOf: those all alternatives require). */
function requiredOf(doc: JsonObject, schema: Json | undefined): string[] {
  const s = deref(doc, schema);
  if (!s || typeof s !== 'object' || Array.isArray(s)) return [];
  if (Array.isArray(s.oneOf)) {
    const lists = s.oneOf.map((alt) => requiredOf(doc, alt));
    return (lists[0] ?? []).filter((name) => lists.every((l) => l.includes(name)));
  }
  return Array.isArray(s.required) ? (s.required as string[]) : [];
}

/** A copy that breaks the schema: without a required property, or with one the schema does not allow. */
function broken(doc: JsonObject, schema: Json | undefined, value: Json): { value: Json; how: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { value: { unexpected: value }, how: 'wrapped in an object' };
  const [first] = requiredOf(doc, schema);
  const copy = structuredClone(value);
  if (first !== undefined) {
    delete copy[first];
    return { value: copy, how: `without required property ${first}` };
  }
  copy['unexpected property'] = 'x';
  return { value: copy, how: 'with an unknown property' };
}

for (const api of bundledApis()) {
  describe(`${api.name}: named examples`, () => {
    const validatorAt = schemaValidator(api);
    let count = 0;
    for (const { path, method, operationId, op } of operations(api.doc)) {
      const bodies: { where: string; schemaAt: string; content: JsonObject }[] = [];
      const requestBody = deref(api.doc, op.requestBody) as JsonObject | undefined;
      if (requestBody?.content) {
        bodies.push({ where: 'request', schemaAt: pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema'), content: requestBody.content as JsonObject });
      }
      for (const [status, ref] of Object.entries((op.responses ?? {}) as JsonObject)) {
        const response = deref(api.doc, ref) as JsonObject;
        if (!response.content) continue;
        const responsePointer = typeof (ref as JsonObject).$ref === 'string' ? (ref as JsonObject).$ref as string : pointer('paths', path, method, 'responses', status);
        bodies.push({ where: `response ${status}`, schemaAt: `${responsePointer}/content/application~1json/schema`, content: response.content as JsonObject });
      }
      for (const { where, schemaAt, content } of bodies) {
        const media = content['application/json'] as JsonObject;
        const validate = validatorAt(schemaAt);
        for (const [name, exampleRef] of Object.entries((media.examples ?? {}) as JsonObject)) {
          const example = deref(api.doc, exampleRef) as JsonObject;
          count += 1;
          it(`${operationId} ${where} example "${name}" validates`, () => {
            assert.ok(validate(example.value), JSON.stringify(validate.errors, null, 2));
          });
          it(`${operationId} ${where} example "${name}", broken, is refused`, () => {
            const { value, how } = broken(api.doc, media.schema, example.value as Json);
            assert.equal(validate(value), false, `a copy ${how} still validates`);
          });
        }
      }
      for (const [i, paramRef] of ((op.parameters ?? []) as Json[]).entries()) {
        const param = deref(api.doc, paramRef) as JsonObject;
        const examples = param.examples ? Object.values(param.examples as JsonObject).map((e) => (deref(api.doc, e) as JsonObject).value) : param.example !== undefined ? [param.example] : [];
        const schemaAt = typeof (paramRef as JsonObject).$ref === 'string' ? `${(paramRef as JsonObject).$ref as string}/schema` : pointer('paths', path, method, 'parameters', String(i), 'schema');
        for (const value of examples) {
          it(`${operationId} header ${String(param.name)} example ${JSON.stringify(value)} validates`, () => {
            const validate = validatorAt(schemaAt);
            assert.ok(validate(value), JSON.stringify(validate.errors));
            assert.equal(validate(`${String(value)} with spaces`), false);
          });
        }
      }
    }
    it('has examples at all', () => assert.ok(count > 0));
    it('the bundle references only its own components', () => {
      const external = JSON.stringify(api.doc).match(/"\$ref":"(?!#\/)[^"]*"/g) ?? [];
      assert.deepEqual(external, []);
    });
  });
}
