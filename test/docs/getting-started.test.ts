// The getting-started page quotes the demo configuration (config/demo.yaml) that `npm start`
// runs: its address, the partner a reader calls as, a user of that partner and the device the
// examples operate. If the demo changes, this fails instead of the page's commands.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';

interface Demo {
  platId: string;
  listen: { host: string; port: number };
  partners: { platId: string; appId?: string }[];
  localUsers: { loginId: string; authToken: string }[];
  devices: { deviceId: string; deviceType: string }[];
}

const demo = parse(readFileSync('config/demo.yaml', 'utf8')) as Demo;
const page = readFileSync('docs-site/pages/getting-started.md', 'utf8');

test('getting started calls the platform npm start runs, as a partner and user the demo knows', () => {
  assert.ok(page.includes(`http://${demo.listen.host}:${demo.listen.port}/v1/`), 'address');
  assert.ok(page.includes(`\`${demo.platId}\``), "the platform's own PlatID");
  const partner = demo.partners.find((p) => page.includes(`PlatID: ${p.platId}`));
  assert.ok(partner, 'the PlatID the examples send is a partner of the demo');
  assert.ok(page.includes(`AppID: ${partner.appId}`), "the partner's AppID");
  const user = demo.localUsers.find((u) => page.includes(`"loginID":"${u.loginId}"`));
  assert.ok(user, 'the loginID of the examples is a user of the demo');
  assert.ok(page.includes(`"AuthToken":"${user.authToken}"`), "the user's AuthToken");
});

test('getting started operates a device of the demo, with its type', () => {
  const washer = demo.devices.find((d) => d.deviceId === 'C89346112DD5');
  assert.ok(washer, 'the demo has the device C89346112DD5');
  assert.ok(page.includes(`\`C89346112DD5\` (drum washing machine, \`${washer.deviceType}\`)`));
  for (const d of demo.devices) assert.ok(page.includes(`\`${d.deviceId}\``), `device ${d.deviceId} is listed`);
});
