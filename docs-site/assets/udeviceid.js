// The UDeviceID decoder page: decodes what is typed, as it is typed, with the code tables the build
// embedded from the bundled spec. The decoding itself is scripts/docs/udeviceid-decode.ts,
// transpiled by the build; this file only connects it to the page.
import { decodeUDeviceId } from './udeviceid-decode.js';

const tables = JSON.parse(document.getElementById('udeviceid-tables').textContent);
const form = document.getElementById('udeviceid-form');
const input = document.getElementById('udeviceid-input');
const result = document.getElementById('udeviceid-result');

function cell(tag, text) {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

function partsTable(parts) {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const title of ['Part', 'Characters', 'Value', 'Meaning']) head.append(cell('th', title));
  const body = table.createTBody();
  for (const p of parts) {
    const row = body.insertRow();
    row.append(cell('td', p.part), cell('td', p.characters));
    const value = cell('td', '');
    value.append(cell('code', p.value));
    row.append(value, cell('td', p.meaning));
  }
  return table;
}

function show(id) {
  const decoded = decodeUDeviceId(id, tables);
  result.replaceChildren();
  result.className = decoded.ok ? 'decoded valid' : 'decoded invalid';
  result.append(cell('p', decoded.ok ? 'A valid UDeviceID.' : `Not a valid UDeviceID. ${decoded.reason}`));
  if (decoded.parts.length > 0) {
    if (!decoded.ok) result.append(cell('p', 'The parts read before the error:'));
    result.append(partsTable(decoded.parts));
  }
}

input.addEventListener('input', () => show(input.value));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  show(input.value);
});
for (const button of document.querySelectorAll('[data-udeviceid]')) {
  button.addEventListener('click', () => {
    input.value = button.dataset.udeviceid;
    show(input.value);
  });
}
show(input.value);
