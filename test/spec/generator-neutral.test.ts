// Constructs that generators read differently are kept out of the documents: nothing beside a
// `$ref` (openapi-typescript and hey-api drop a `required` there, Spectral and 3.0 tools a `const`),
// and the OpenAPI 3.0.3 rendering still tells the report kinds of 7.2.8 apart, so a 3.0 validator
// or generator finds exactly one `oneOf` branch for each of the standard's reports.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { openApi30Path } from '../../scripts/down-convert.ts';
import { bundledApis, type Json, type JsonObject } from '../support/spec.ts';

const addFormats = addFormatsModule.default;

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));

/** Every place of a parsed document where an object holds a `$ref` and something else. */
function refSiblings(node: Json, where: string): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => refSiblings(n, `${where}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const here = '$ref' in node && Object.keys(node).length > 1 ? [`${where}: ${Object.keys(node).join(', ')}`] : [];
  return [...here, ...Object.entries(node).flatMap(([k, v]) => refSiblings(v, `${where}/${k}`))];
}

describe('documents every generator reads the same way', () => {
  it('no source file of openapi/ puts a keyword beside a $ref', () => {
    const found = yamlFiles('openapi').flatMap((file) => refSiblings(parse(readFileSync(file, 'utf8')) as Json, file));
    assert.deepEqual(found, []);
  });

  it('every source file of openapi/ is valid YAML', () => {
    for (const file of yamlFiles('openapi')) assert.doesNotThrow(() => parse(readFileSync(file, 'utf8')), file);
  });

  it("no schema is named like generators' per-operation types (<Operation>Data, <Operation>Response, …)", () => {
    const clash = /(Data|Responses?|Errors?)$/;
    const found = bundledApis().flatMap((api) =>
      Object.keys(((api.doc.components as JsonObject).schemas ?? {}) as JsonObject)
        .filter((name) => clash.test(name))
        .map((name) => `${api.name}: ${name}`),
    );
    assert.deepEqual(found, []);
  });

  it('enum names and descriptions are strings, as generators expect (YAML reads an unquoted True as a boolean)', () => {
    const notStrings = (node: Json, where: string): string[] => {
      if (Array.isArray(node)) return node.flatMap((n, i) => notStrings(n, `${where}/${i}`));
      if (node === null || typeof node !== 'object') return [];
      const here = ['x-enum-varnames', 'x-enum-descriptions'].flatMap((key) => {
        const list = node[key];
        return Array.isArray(list) && list.some((v) => typeof v !== 'string') ? [`${where}/${key}`] : [];
      });
      return [...here, ...Object.entries(node).flatMap(([k, v]) => notStrings(v, `${where}/${k}`))];
    };
    const found = yamlFiles('openapi').flatMap((file) => notStrings(parse(readFileSync(file, 'utf8')) as Json, file));
    assert.deepEqual(found, []);
  });

  it('the 3.0.3 partner rendering matches each standard 7.2.8 report with exactly its own oneOf branch', () => {
    const partner = bundledApis().find((api) => api.name === 'cheaa-partner')!;
    const doc = JSON.parse(readFileSync(openApi30Path(partner.output), 'utf8')) as JsonObject;
    assert.equal(doc.openapi, '3.0.3');
    // A plain draft-07 validator, as 3.0 tools use: it knows `nullable` but not `discriminator`,
    // so the branches must tell themselves apart.
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'partner-3.0');
    const components = doc.components as { schemas: Record<string, JsonObject>; examples: Record<string, { value: Json }> };
    const report = components.schemas.DataGatewayReport!;
    const branches = (report.oneOf as { $ref: string }[]).map((b) => b.$ref.replace('#/components/schemas/', ''));
    assert.deepEqual(branches, ['AttrReport', 'AlarmReport', 'OnOfflineReport']);
    const kinds = { attr: 'AttrReport', alarm: 'AlarmReport', online: 'OnOfflineReport', offline: 'OnOfflineReport' };
    for (const [kind, branch] of Object.entries(kinds)) {
      const name = `dataservices_dataGateway.standard-${kind}.request`;
      const value = components.examples[name]?.value;
      assert.ok(value, `${name} is a named example of the rendering`);
      const matched = branches.filter((b) => ajv.validate(`partner-3.0#/components/schemas/${b}`, value));
      assert.deepEqual(matched, [branch], name);
      assert.ok(ajv.validate('partner-3.0#/components/schemas/DataGatewayReport', value), `${name}: ${ajv.errorsText()}`);
    }
  });
});
