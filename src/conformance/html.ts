// The HTML report: one self-contained file (inline CSS, no script, nothing fetched), so it can be
// attached to a ticket or published as a CI artifact and opened offline.
import { clauseTitles } from './clauses.ts';
import { coverage, requirementStatus } from './coverage.ts';
import { compareClauses, countStatuses, type CheckResult, type ConformanceResult } from './types.ts';

export function htmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": '#39' }[c]};`);
}

const pretty = (value: unknown) => htmlEscape(typeof value === 'string' ? value : (JSON.stringify(value, null, 2) ?? '(none)'));

function headers(h: Record<string, string>): string {
  return htmlEscape(Object.entries(h).map(([name, value]) => `${name}: ${value}`).join('\n'));
}

function detail(check: CheckResult): string {
  const parts: string[] = [];
  if (check.hint) parts.push(`<p class="hint"><b>likely cause</b>: ${htmlEscape(check.hint)}</p>`);
  if (check.failures.length > 0) {
    // Schema check messages are multi-line code frames: they keep their layout.
    const message = (m: string) => (m.includes('\n') ? `<pre>${htmlEscape(m)}</pre>` : `<code>${htmlEscape(m)}</code>`);
    parts.push(`<p class="label">failed</p><ul>${check.failures.map((f) => `<li><b>${htmlEscape(f.check)}</b>: ${message(f.message)}</li>`).join('')}</ul>`);
  }
  if (check.requires) parts.push(`<p class="label">the standard requires</p><p>${htmlEscape(check.requires)}</p>`);
  if (check.proves.length > 0) parts.push(`<p class="label">proves</p><p>${check.proves.map((id) => `<a href="#${id}"><code>${id}</code></a>`).join(' ')}</p>`);
  if (check.exchange) {
    const { request, response } = check.exchange;
    parts.push(
      `<div class="exchange"><div><p class="label">request</p><pre>${htmlEscape(`${request.method} ${request.url}`)}\n${headers(request.headers)}${request.body !== undefined ? `\n\n${pretty(request.body)}` : ''}</pre></div>`,
      `<div><p class="label">response</p><pre>${response ? `HTTP ${response.statusCode}\n${headers(response.headers)}\n\n${pretty(response.body)}` : '(none)'}</pre></div></div>`,
    );
  }
  return parts.join('');
}

/** `open`: failures at the top of the page are open, what the reader came for; in their clause they are a link up. */
function row(check: CheckResult, open = false): string {
  const reason = check.status === 'skip' && check.reason ? `<div class="reason">skipped: ${htmlEscape(check.reason)}</div>` : '';
  const summary = `<span class="status ${check.status}">${check.status.toUpperCase()}</span> <code>${htmlEscape(check.id)}</code> ${htmlEscape(check.title)}`;
  if (check.status === 'fail' && !open) return `<li class="fail"><div class="summary">${summary} <a href="#check-${htmlEscape(check.id)}">(details above)</a></div></li>`;
  const body = check.status === 'skip' ? reason : `<details${open ? ' open' : ''}><summary>${summary}</summary>${detail(check)}</details>`;
  const id = open ? ` id="check-${htmlEscape(check.id)}"` : '';
  return `<li class="${check.status}"${id}>${check.status === 'skip' ? `<div class="summary">${summary}</div>${body}` : body}</li>`;
}

/** Per requirement of the standard: the checks that prove it, each with its result in this run, or why none does.
 * The kit's own: another tool's report (a heading of its own) proves no requirement by a kit check. */
function coverageSection(result: ConformanceResult): string {
  const results = new Map(result.checks.map((c) => [c.id, c]));
  const list = coverage();
  const rows = list.map(({ requirement: r, checks }) => {
    const status = checks.length === 0 ? 'not covered' : requirementStatus(checks, results);
    const by =
      checks.length === 0
        ? htmlEscape(r.notCovered ?? '')
        : checks.map((id) => `<code class="${results.get(id)?.status ?? 'other'}">${htmlEscape(id)}</code>`).join(' ');
    return `<tr id="${r.id}"><td><code>${r.id}</code></td><td>${htmlEscape(r.source)}</td><td>${htmlEscape(r.text)}</td><td class="status ${status === 'pass' || status === 'fail' || status === 'skip' ? status : 'skip'}">${status}</td><td>${by}</td></tr>`;
  });
  const count = (s: string) => list.filter(({ checks }) => (checks.length === 0 ? 'not covered' : requirementStatus(checks, results)) === s).length;
  return `<h2>Requirement coverage</h2>
<p>Every requirement of clauses 6–7 of the standard the kit is measured against (conformance/README.md lists them): ${count('pass')} proved in this run, ${count('fail')} failed, ${count('skip')} skipped, ${count('not run')} proved only by checks of the other role, ${count('not covered')} not covered (the reason is given).</p>
<table class="coverage"><tr><th>requirement</th><th>where</th><th>the standard requires</th><th>this run</th><th>proved by (result in this run)</th></tr>${rows.join('')}</table>`;
}

const style = `
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #d0d7de}
.totals span{display:inline-block;margin-right:1rem;font-weight:600}
ul.checks{list-style:none;padding:0}ul.checks>li{padding:.3rem 0;border-bottom:1px solid #eaeef2}
.status{display:inline-block;width:3.2rem;font-weight:700}.pass .status,.status.pass{color:#1a7f37}
.status.fail{color:#cf222e}.status.skip{color:#6e7781}.reason{color:#6e7781;margin-left:3.6rem}
summary{cursor:pointer}code{font:12px ui-monospace,monospace;background:#f6f8fa;padding:0 .2rem}
pre{font:12px/1.4 ui-monospace,monospace;background:#f6f8fa;padding:.6rem;overflow:auto;white-space:pre-wrap;word-break:break-all}
.exchange{display:grid;grid-template-columns:1fr 1fr;gap:.8rem}.label{font-weight:600;margin:.6rem 0 .2rem;color:#57606a}
table.reports td,table.reports th{padding:.2rem .8rem;text-align:left}
table.coverage{border-collapse:collapse;font-size:13px}table.coverage td,table.coverage th{padding:.2rem .5rem;text-align:left;vertical-align:top;border-bottom:1px solid #eaeef2}
table.coverage td.status{width:auto}code.pass{color:#1a7f37}code.fail{color:#cf222e}code.skip,code.other{color:#6e7781}
.causes,.hint{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem .8rem}
`;

export function renderHtml(result: ConformanceResult): string {
  const counts = countStatuses(result.checks);
  const clauses = [...new Set(result.checks.map((c) => c.clause))].sort(compareClauses);
  const sections = clauses.map((clause) => `<h2>Clause ${htmlEscape(clause)}${clauseTitles[clause] ? ` — ${htmlEscape(clauseTitles[clause])}` : ''}</h2><ul class="checks">${result.checks.filter((c) => c.clause === clause).map((c) => row(c)).join('')}</ul>`);
  const failed = result.checks.filter((c) => c.status === 'fail');
  const causes = result.causes?.length
    ? `<div class="causes"><b>Likely cause${result.causes.length > 1 ? 's' : ''}</b><ul>${result.causes.map((c) => `<li>${htmlEscape(c)}</li>`).join('')}</ul></div>`
    : '';
  const failures = failed.length > 0 ? `<h2>Failed checks</h2><ul class="checks">${failed.map((c) => row(c, true)).join('')}</ul>` : '';
  const reports = result.reports
    ? `<h2>Reports at the kit's data gateway (7.2.8)</h2><table class="reports"><tr><th>DataType</th><th>received</th><th>valid against the partner document</th></tr>${Object.entries(result.reports.byDataType)
        .map(([type, c]) => `<tr><td>${type === 'other' ? 'unknown DataType' : type}</td><td>${c.received}</td><td>${c.valid}</td></tr>`)
        .join('')}</table>${result.reports.problems.length > 0 ? `<ul>${result.reports.problems.map((p) => `<li>${htmlEscape(p)}</li>`).join('')}</ul>` : ''}`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${htmlEscape(result.heading?.title ?? `CHEAA conformance — ${result.role}`)} — ${htmlEscape(result.target)}</title><style>${style}</style></head>
<body><h1>${htmlEscape(result.heading?.title ?? `CHEAA cloud-to-cloud conformance: role ${result.role}`)}</h1>
<p>Target <code>${htmlEscape(result.target)}</code>, started ${htmlEscape(result.startedAt)}, ${(result.durationMs / 1000).toFixed(1)} s. Tokens are masked as <code>********</code>.${result.heading?.note ? ` ${htmlEscape(result.heading.note)}` : ''}</p>
<p class="totals"><span class="status pass">${counts.pass} passed</span><span class="status fail">${counts.fail} failed</span><span class="status skip">${counts.skip} skipped</span></p>
${causes}
${failures}
${reports}
${result.heading ? '' : coverageSection(result)}
${sections.join('\n')}
</body></html>
`;
}
