// The RetCode table of a document, generated from its `RetCode` schema: the codes (`enum`), their
// names (`x-enum-varnames`), meanings (`x-enum-descriptions`) and the HTTP status each travels
// with (`x-http-status`). Never written by hand, so it cannot drift from what the platform does.
import type { Api } from './apis.ts';
import { escapeHtml as esc } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { specFile } from './reference-page.ts';

export interface RetCodeRow {
  code: string;
  name: string;
  meaning: string;
  httpStatus: number;
}

export function retCodeRows(api: Api): RetCodeRow[] {
  const schema = api.spec.components?.schemas?.RetCode;
  const where = `${api.output}#/components/schemas/RetCode`;
  if (!schema) throw new Error(`${where} does not exist`);
  const codes = schema.enum as string[] | undefined;
  const names = schema['x-enum-varnames'] as string[] | undefined;
  const meanings = schema['x-enum-descriptions'] as string[] | undefined;
  const statuses = schema['x-http-status'] as Record<string, number> | undefined;
  if (!codes || !names || !meanings || !statuses) throw new Error(`${where} needs enum, x-enum-varnames, x-enum-descriptions and x-http-status`);
  if (names.length !== codes.length || meanings.length !== codes.length) throw new Error(`${where}: enum, x-enum-varnames and x-enum-descriptions differ in length`);
  return codes.map((code, i) => {
    const httpStatus = statuses[code];
    if (typeof httpStatus !== 'number') throw new Error(`${where}: x-http-status has no status for RetCode ${code}`);
    return { code, name: names[i]!, meaning: meanings[i]!, httpStatus };
  });
}

/** The table of a document's RetCodes, or of the `only` ones; the whole table opens with the schema's description. */
export function retCodeTable(api: Api, only: string[] = []): string {
  const all = retCodeRows(api);
  const unknown = only.filter((code) => !all.some((r) => r.code === code));
  if (unknown.length > 0) throw new Error(`${api.output}: no RetCode ${unknown.join(', ')}`);
  const rows = all
    .filter((r) => only.length === 0 || only.includes(r.code))
    .map(
      (r) =>
        `<tr${only.length === 0 ? ` id="retcode-${esc(r.code)}"` : ''}><td><code>${esc(r.code)}</code></td><td>${esc(r.name)}</td><td>${r.httpStatus}</td><td>${renderMarkdown(r.meaning).html.replace(/^<p>|<\/p>\s*$/g, '')}</td></tr>`,
    )
    .join('\n');
  const description = only.length === 0 ? renderMarkdown(String(api.spec.components?.schemas?.RetCode?.description ?? '')).html : '';
  return `<div class="generated" data-source="${esc(api.output)}#/components/schemas/RetCode">
${description}
<table class="retcodes">
<caption>${only.length === 0 ? 'RetCodes' : 'Selected RetCodes'} of <code>${esc(api.name)}</code>, generated from the <code>RetCode</code> schema of <a href="${esc(specFile(api))}">${esc(api.output.split('/').pop()!)}</a></caption>
<thead><tr><th>RetCode</th><th>Name</th><th>HTTP status</th><th>Meaning</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}
