// How the kit reads Respect's JSON log, on the log shapes Respect 2.77 writes: steps after an
// onFailure goto nested in a "workflow" entry, a failed dependsOn as a pseudo-step, a step listed
// twice; and the skip of checks whose session failed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskSecrets, MASK } from '../../src/conformance/mask.ts';
import type { RespectLog, RespectStep } from '../../src/conformance/respect.ts';
import { checksFromRespect, explainUnresolved } from '../../src/conformance/results.ts';
import type { WorkflowInfo } from '../../src/conformance/workflows.ts';

const workflow = (workflowId: string, stepIds: string[], uses: string[] = []): WorkflowInfo => ({
  workflowId,
  summary: workflowId,
  clause: '7.2.7',
  skipWithMtls: false,
  uses,
  outputs: {},
  steps: stepIds.map((stepId) => ({ id: `${workflowId}.${stepId}`, stepId, clause: '7.2.7', title: stepId, requires: 'RetCode must not be 200.', proves: [], outputs: {} })),
});

const step = (stepId: string, passed: boolean): RespectStep => ({
  type: 'step',
  stepId,
  request: { method: 'post', url: 'http://cloud/v1/devices/op', headers: { accesstoken: 'secret-token-1' }, body: {} },
  response: { statusCode: passed ? 403 : 200, headers: {}, body: { RetCode: passed ? '4031' : '200', RetInfo: 'x' } },
  checks: [{ name: 'success criteria check', passed, condition: "$response.body#/RetCode != '200'", message: 'Checking simple criteria' }],
});

const log = (workflows: { workflowId: string; executedSteps: RespectStep[] }[]): RespectLog => ({ files: { 'platform.arazzo.yaml': { executedWorkflows: workflows } } });
const statuses = (checks: ReturnType<typeof checksFromRespect>) => Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe('reading the Respect log', () => {
  it('finds the steps Respect nests after an onFailure goto, and skips the steps that never ran', () => {
    const flows = [workflow('op', ['a', 'b', 'c', 'd'])];
    const checks = checksFromRespect(
      flows,
      { log: log([{ workflowId: 'op', executedSteps: [step('a', false), { type: 'workflow', workflowId: 'op', invocationContext: 'Goto from step a', executedSteps: [step('b', true), step('c', false)] }] }]) },
      new Map(),
    );
    assert.deepEqual(statuses(checks), { 'op.a': 'fail', 'op.b': 'pass', 'op.c': 'fail', 'op.d': 'skip' });
    assert.equal(checks[3]!.reason, 'not run: step c failed before it');
    assert.equal(checks[0]!.reason, "success criteria check: $response.body#/RetCode != '200'");
    assert.equal(checks[0]!.exchange?.request.method, 'POST');
  });

  it("skips a workflow whose session failed, one Respect reports as a failed dependsOn, and one the kit skipped; fails all when there is no log", () => {
    const flows = [workflow('main', ['login']), workflow('op', ['a'], ['main']), workflow('dep', ['x']), workflow('expired', ['y'])];
    const dependsOn: RespectStep = { stepId: 'dependsOn', checks: [{ name: 'unexpected error', passed: false, message: 'Dependent workflows of workflow dep have failed steps: main.' }] };
    const checks = checksFromRespect(
      flows,
      { log: log([{ workflowId: 'main', executedSteps: [step('login', false)] }, { workflowId: 'op', executedSteps: [step('a', false)] }, { workflowId: 'dep', executedSteps: [dependsOn] }]) },
      new Map([['expired', 'the fixtures have no platform.expiredAccessToken']]),
    );
    assert.deepEqual(statuses(checks), { 'main.login': 'fail', 'op.a': 'skip', 'dep.x': 'skip', 'expired.y': 'skip' });
    assert.equal(checks[1]!.reason, 'uses the outputs of workflow main, which failed');
    assert.match(checks[2]!.reason!, /^not run: Dependent workflows of workflow dep have failed steps/);

    const crashed = checksFromRespect(flows.slice(0, 1), { log: undefined, failure: 'exit status 1' }, new Map());
    assert.deepEqual(statuses(crashed), { 'main.login': 'fail' });
    assert.equal(crashed[0]!.reason, 'Respect did not run: exit status 1');
  });

  it('a step Respect lists twice (its workflow outputs failed to resolve) fails once, with both failures', () => {
    const outputs: RespectStep = { stepId: 'login', checks: [{ name: 'unexpected error', passed: false, message: 'Failed to resolve output "token"' }] };
    const checks = checksFromRespect([workflow('main', ['login'])], { log: log([{ workflowId: 'main', executedSteps: [step('login', true), outputs] }]) }, new Map());
    assert.equal(checks.length, 1);
    assert.equal(checks[0]!.status, 'fail');
    assert.deepEqual(checks[0]!.failures.map((f) => f.check), ['unexpected error']);
  });
});

describe('masking', () => {
  it('replaces every secret wherever it occurs, the longest first, and leaves short strings alone', () => {
    const value = { header: 'token-abcdef', text: 'Bearer token-abcdef-long and token-abcdef', list: ['abc', { deep: 'token-abcdef-long' }] };
    assert.deepEqual(maskSecrets(value, ['token-abcdef', 'token-abcdef-long', 'abc']), {
      header: MASK,
      text: `Bearer ${MASK} and ${MASK}`,
      list: ['abc', { deep: MASK }],
    });
  });
});

describe("Respect's internals in the kit's words", () => {
  const main: WorkflowInfo = { ...workflow('main', ['login']), outputs: { userId: '$steps.login.outputs.userId' } };
  main.steps[0]!.outputs = { userId: '$response.body#/User/0/UserBase/userID' };
  const op = workflow('op', ['a'], ['main']);
  const unresolved = (expression: string, pointer: string) =>
    `Error in resolving runtime expression '${expression}': JSON Pointer "${pointer}" reaches no value. \nThis could be because the expression references a value from a previous failed step`;

  it('a field of this reply, and a field an earlier reply lacked, followed through the outputs that read it', () => {
    assert.equal(explainUnresolved(unresolved('$response.body#/Device/0/DeviceAttr', '/Device/0/DeviceAttr'), op, [main, op]), 'this reply has no field /Device/0/DeviceAttr');
    assert.equal(
      explainUnresolved(unresolved('$workflows.main.outputs.userId', '/userId'), op, [main, op]),
      'the reply of step main.login, its field /User/0/UserBase/userID is missing (that earlier reply lacked it)',
    );
    assert.equal(explainUnresolved('Checking simple criteria', op, [main, op]), undefined);
  });

  it('a failed criterion that could not be read says which field, and the duplicate "unexpected error" goes', () => {
    const entry: RespectStep = {
      ...step('a', false),
      checks: [
        { name: 'success criteria check', passed: false, condition: '$response.body#/User/0/UserBase/userID != null', message: `Failed to pass: ${unresolved('$response.body#/User/0/UserBase/userID != null', '/User/0/UserBase/userID')}` },
        { name: 'unexpected error', passed: false, message: unresolved('$response.body#/User/0/UserBase/userID', '/User/0/UserBase/userID') },
      ],
    };
    const [check] = checksFromRespect([workflow('op', ['a'])], { log: log([{ workflowId: 'op', executedSteps: [entry] }]) }, new Map());
    assert.deepEqual(check!.failures, [{ check: 'success criteria check', message: '$response.body#/User/0/UserBase/userID != null (this reply has no field /User/0/UserBase/userID)' }]);
  });

  it("a reply body the JSON log dropped is taken from the HAR file, matched in the order sent", () => {
    const first: RespectStep = { ...step('a', false), response: { statusCode: 403, headers: {} } };
    const second: RespectStep = { ...step('b', true) };
    const har = [
      { method: 'POST', url: 'http://cloud/v1/devices/op', status: 403, text: '{"RetCode":"403","RetInfo":"not a partner"}' },
      { method: 'POST', url: 'http://cloud/v1/devices/op', status: 403, text: '{"RetCode":"4031","RetInfo":"x"}' },
    ];
    const checks = checksFromRespect([workflow('op', ['a', 'b'])], { log: log([{ workflowId: 'op', executedSteps: [first, second] }]), har }, new Map());
    assert.deepEqual(checks[0]!.exchange?.response?.body, { RetCode: '403', RetInfo: 'not a partner' });
    assert.deepEqual(checks[1]!.exchange?.response?.body, { RetCode: '4031', RetInfo: 'x' }, 'a body the log kept stays');
  });
});
