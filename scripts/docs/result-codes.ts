// The table of a document's result codes, generated from the schema that defines them (`RetCode`
// for CHEAA, `Status` for GB/T 43960): the codes (`enum`), their names (`x-enum-varnames`),
// meanings (`x-enum-descriptions`) and the HTTP status each travels with (`x-http-status`). Never
// written by hand, so it cannot drift from what the platform does.
import type { Api } from './apis.ts';
import { escapeHtml as esc } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { specFile } from './reference-page.ts';

export interface ResultCodeRow {
  code: string;
  name: string;
  meaning: string;
  httpStatus: number;
}

export function resultCodeRows(api: Api, schemaName: string): ResultCodeRow[] {
  const schema = api.spec.components?.schemas?.[schemaName];
  const where = `${api.output}#/components/schemas/${schemaName}`;
  if (!schema) throw new Error(`${where} does not exist`);
  const codes = schema.enum as (string | number)[] | undefined;
  const names = schema['x-enum-varnames'] as string[] | undefined;
  const meanings = schema['x-enum-descriptions'] as string[] | undefined;
  const statuses = schema['x-http-status'] as Record<string, number> | undefined;
  if (!codes || !names || !meanings || !statuses) throw new Error(`${where} needs enum, x-enum-varnames, x-enum-descriptions and x-http-status`);
  if (names.length !== codes.length || meanings.length !== codes.length) throw new Error(`${where}: enum, x-enum-varnames and x-enum-descriptions differ in length`);
  return codes.map((value, i) => {
    const code = String(value);
    const httpStatus = statuses[code];
    if (typeof httpStatus !== 'number') throw new Error(`${where}: x-http-status has no status for ${code}`);
    return { code, name: names[i]!, meaning: meanings[i]!, httpStatus };
  });
}

/** The table of a schema's codes, or of the `only` ones; the whole table opens with the schema's description. */
export function resultCodeTable(api: Api, schemaName: string, only: string[] = []): string {
  const all = resultCodeRows(api, schemaName);
  const unknown = only.filter((code) => !all.some((r) => r.code === code));
  if (unknown.length > 0) throw new Error(`${api.output}: ${schemaName} has no code ${unknown.join(', ')}`);
  const whole = only.length === 0;
  const rows = all
    .filter((r) => whole || only.includes(r.code))
    .map(
      (r) =>
        `<tr${whole ? ` id="${esc(`${api.name}-${r.code}`)}"` : ''}><td><code>${esc(r.code)}</code></td><td>${esc(r.name)}</td><td>${r.httpStatus}</td><td>${renderMarkdown(r.meaning).html.replace(/^<p>|<\/p>\s*$/g, '')}</td></tr>`,
    )
    .join('\n');
  const description = whole ? renderMarkdown(String(api.spec.components?.schemas?.[schemaName]?.description ?? '')).html : '';
  return `<div class="generated" data-source="${esc(`${api.output}#/components/schemas/${schemaName}`)}">
${description}
<table class="result-codes" data-api="${esc(api.name)}">
<caption>${whole ? 'Codes' : 'Selected codes'} of <code>${esc(api.name)}</code>, generated from the <code>${esc(schemaName)}</code> schema of <a href="${esc(specFile(api))}">${esc(api.output.split('/').pop()!)}</a></caption>
<thead><tr><th>${esc(schemaName)}</th><th>Name</th><th>HTTP status</th><th>Meaning</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}
