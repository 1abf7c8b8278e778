// JUnit XML, the format CI servers read: one testcase per check, classname the clause.
import { countStatuses, type CheckResult, type ConformanceResult } from './types.ts';
import { compactJson } from './table.ts';

export function xmlEscape(text: string): string {
  // Control characters XML 1.0 forbids even escaped are dropped.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

function failureText(check: CheckResult): string {
  const lines: string[] = [];
  if (check.exchange) {
    const { request, response } = check.exchange;
    lines.push(`request: ${request.method} ${request.url}`, `  headers: ${JSON.stringify(request.headers)}`);
    if (request.body !== undefined) lines.push(`  body: ${compactJson(request.body, 4000)}`);
    lines.push(response ? `response: HTTP ${response.statusCode} ${compactJson(response.body, 4000)}` : 'response: (none)');
  }
  for (const f of check.failures) lines.push(`failed: ${f.check}: ${f.message}`);
  if (check.requires) lines.push(`requires: ${check.requires}`);
  if (check.hint) lines.push(`likely cause: ${check.hint}`);
  return lines.join('\n');
}

export function renderJUnit(result: ConformanceResult): string {
  const counts = countStatuses(result.checks);
  const suite = result.heading?.suite ?? 'cheaa-conformance';
  const cases = result.checks.map((c) => {
    const open = `    <testcase classname="cheaa.${xmlEscape(c.clause)}" name="${xmlEscape(`${c.id}: ${c.title}`)}" time="${((c.durationMs ?? 0) / 1000).toFixed(3)}"`;
    if (c.status === 'pass') return `${open}/>`;
    if (c.status === 'skip') return `${open}>\n      <skipped message="${xmlEscape(c.reason ?? '')}"/>\n    </testcase>`;
    return `${open}>\n      <failure message="${xmlEscape(c.reason ?? 'failed')}" type="${xmlEscape(c.failures[0]?.check ?? 'check')}">${xmlEscape(failureText(c))}</failure>\n    </testcase>`;
  });
  const reports = result.reports
    ? `\n    <system-out>${xmlEscape(`reports at the kit's data gateway: ${JSON.stringify(result.reports.byDataType)}`)}</system-out>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${suite}" tests="${result.checks.length}" failures="${counts.fail}" skipped="${counts.skip}" time="${(result.durationMs / 1000).toFixed(3)}">`,
    `  <testsuite name="${result.heading ? suite : `${suite}.${result.role}`}" tests="${result.checks.length}" failures="${counts.fail}" errors="0" skipped="${counts.skip}" time="${(result.durationMs / 1000).toFixed(3)}" timestamp="${result.startedAt}">`,
    `    <properties>\n      <property name="target" value="${xmlEscape(result.target)}"/>\n      <property name="role" value="${result.role}"/>\n    </properties>`,
    ...cases,
    reports.replace(/^\n/, ''),
    '  </testsuite>',
    '</testsuites>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
