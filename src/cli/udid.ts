// `cloud-interop udid <id>`: decodes a UDeviceID (clause 6.4) with the SDK's parser.
import { schemaNamed } from '../sdk/platform-document.ts';
import { parseUDeviceID, type UDeviceID } from '../sdk/udeviceid.ts';
import type { Output } from '../terminal.ts';
import { parseCommandArgs, UsageError, type Command } from './command.ts';

const example = String((schemaNamed('UDeviceID').examples as unknown[] | undefined)?.[0] ?? '');

const help = `Usage: cloud-interop udid <UDeviceID> [--json]

Decodes a universal appliance identifier (clause 6.4 of the CHEAA cloud-to-cloud standard):
the manufacturer code, the category (table 2), the sub-category (tables 3–8) with its Chinese
and English name, the minor class and the manufacturer's serial.

Options:
  --json      print the decoded parts as JSON
  -h, --help  show this help

Exit status: 0 for a valid UDeviceID; 2 for an invalid one, with the reason on stderr.

Example:
  cloud-interop udid ${example}
`;

function render(id: string, value: UDeviceID, { style }: Output): string {
  const rows: [string, string, string?][] = [
    ['UDeviceID', id],
    ['manufacturer', value.manufacturer],
    ['category', value.category.code, value.category.name],
    ['sub-category', value.subCategory.code, value.subCategory.name ?? `(category ${value.category.code} has no sub-category table)`],
    ['minor class', value.minorClass],
    ['serial', value.serial],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  // Codes of 2 and 3 digits: pad them so the names line up.
  const codeWidth = Math.max(...rows.filter(([, , name]) => name).map(([, code]) => code.length));
  return rows.map(([label, code, name]) => `${style.dim(label.padEnd(width))}  ${name ? `${style.bold(code.padEnd(codeWidth))}  ${name}` : style.bold(code)}\n`).join('');
}

export const udid: Command = {
  help,
  run(args, { stdout, stderr }) {
    const { values, positionals } = parseCommandArgs(args, { options: { json: { type: 'boolean' } }, allowPositionals: true });
    if (positionals.length !== 1) {
      throw new UsageError(positionals.length === 0 ? `give the UDeviceID to decode, e.g. cloud-interop udid ${example}` : `decodes one UDeviceID at a time; got ${positionals.length}`);
    }
    const id = positionals[0]!;
    const parsed = parseUDeviceID(id);
    if (!parsed.ok) {
      stderr.write(`${stderr.style.red(`cloud-interop udid: ${JSON.stringify(id)} is not a UDeviceID:`)} ${parsed.reason}\n`);
      return 2;
    }
    stdout.write(values.json ? `${JSON.stringify(parsed.value, null, 2)}\n` : render(id, parsed.value, stdout));
    return 0;
  },
};
