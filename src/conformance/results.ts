// Turns Respect's JSON log into the kit's checks: one per declared step, passed when every
// Respect check of the step passed, skipped when the step did not run or could not mean anything
// (with the reason). Respect's own words are translated where they name its internals: a runtime
// expression that "reaches no value" is a reply that lacked a field.
import type { HarExchange, RespectCheck, RespectLog, RespectStep } from './respect.ts';
import type { CheckFailure, CheckResult, HttpExchange } from './types.ts';
import type { StepInfo, WorkflowInfo } from './workflows.ts';

const unresolved = /Error in resolving runtime expression '(\$[^' ]+)[^']*': JSON Pointer "([^"]*)" reaches no value/;

/** What a runtime expression reads, in words: `the reply's body field /User/0/UserBase/userID`. */
function describeSource(expression: string, workflow: WorkflowInfo, workflows: readonly WorkflowInfo[], depth = 0): string {
  const body = /^\$response\.body#(.*)$/.exec(expression);
  if (body) return `field ${body[1] || '(the body)'}`;
  const header = /^\$response\.header\.(.+)$/.exec(expression);
  if (header) return `header ${header[1]!}`;
  const step = /^\$steps\.([\w-]+)\.outputs\.([\w-]+)/.exec(expression);
  const flow = /^\$workflows\.([\w-]+)\.outputs\.([\w-]+)/.exec(expression);
  if (step && depth < 4) {
    const source = workflow.steps.find((s) => s.stepId === step[1]);
    const read = source?.outputs[step[2]!];
    return read ? `the reply of step ${workflow.workflowId}.${step[1]!}, its ${describeSource(read, workflow, workflows, depth + 1)}` : `output ${step[2]!} of step ${step[1]!}`;
  }
  if (flow && depth < 4) {
    const source = workflows.find((w) => w.workflowId === flow[1]);
    const read = source?.outputs[flow[2]!];
    return source && read ? describeSource(read, source, workflows, depth + 1) : `output ${flow[2]!} of workflow ${flow[1]!}`;
  }
  return expression;
}

/** Respect's "Error in resolving runtime expression … reaches no value" in the kit's words, or undefined. */
export function explainUnresolved(message: string, workflow: WorkflowInfo, workflows: readonly WorkflowInfo[]): string | undefined {
  const match = unresolved.exec(message);
  if (!match) return undefined;
  const source = describeSource(match[1]!, workflow, workflows);
  return source.startsWith('the reply of step') ? `${source} is missing (that earlier reply lacked it)` : `this reply has no ${source}`;
}

function failureOf(check: RespectCheck, status: number | undefined, workflow: WorkflowInfo, workflows: readonly WorkflowInfo[]): CheckFailure {
  const message = (check.message ?? check.condition ?? '').trim();
  const explained = explainUnresolved(message, workflow, workflows);
  // For success criteria the condition is the statement; Respect's message only repeats it as JSON.
  if (check.name === 'success criteria check' && check.condition) return { check: check.name, message: explained ? `${check.condition} (${explained})` : check.condition };
  if (check.name === 'status code check' && message === '' && status) return { check: check.name, message: `HTTP ${status} is not a reply the document describes for this request` };
  if (check.name === 'failed network request') return { check: check.name, message: `no reply: ${message || 'the request failed'}` };
  if (explained) return { check: 'reading the reply', message: explained };
  return { check: check.name, message };
}

/** One failure per meaning: Respect reports an unresolved field both as a failed criterion and as an "unexpected error". */
function distinct(failures: CheckFailure[]): CheckFailure[] {
  return failures.filter((f, i) => f.check !== 'reading the reply' || !failures.some((g, j) => j !== i && g.check !== 'reading the reply' && g.message.includes(f.message)));
}

/**
 * Gives the steps whose reply body Respect's JSON log left out (it does when a step's criteria or
 * outputs cannot be resolved: a 404 or a 403 at login, exactly when the body says why) the body
 * from its HAR file. Both list the exchanges in the order sent.
 */
export function fillBodies(log: RespectLog, har: readonly HarExchange[]): void {
  let cursor = 0;
  const visit = (steps: RespectStep[]) => {
    for (const step of steps) {
      if (step.executedSteps) visit(step.executedSteps);
      if (!step.request) continue;
      const method = step.request.method.toUpperCase();
      const at = har.findIndex((e, i) => i >= cursor && e.method === method && e.url === step.request!.url);
      if (at < 0) continue;
      cursor = at + 1;
      const text = har[at]!.text;
      if (step.response && step.response.statusCode > 0 && step.response.body === undefined && text !== undefined && text !== '') {
        try {
          step.response.body = JSON.parse(text) as unknown;
        } catch {
          step.response.body = text;
        }
      }
    }
  };
  for (const file of Object.values(log.files ?? {})) for (const workflow of file.executedWorkflows ?? []) visit(workflow.executedSteps);
}

function exchangeOf(steps: RespectStep[]): HttpExchange | undefined {
  const step = steps.find((s) => s.request);
  if (!step?.request) return undefined;
  const { method, url, headers = {}, body } = step.request;
  return {
    request: { method: method.toUpperCase(), url, headers, ...(body !== undefined ? { body } : {}) },
    // A request that got no reply (refused connection, TLS failure) has status code 0.
    ...(step.response?.statusCode ? { response: { statusCode: step.response.statusCode, headers: step.response.headers ?? {}, body: step.response.body } } : {}),
  };
}

/** Respect nests the steps run after an onFailure goto in an entry of type workflow ("Goto from step …"). */
function flatten(steps: RespectStep[], workflowId: string): RespectStep[] {
  return steps.flatMap((s) => (s.type === 'workflow' && s.workflowId === workflowId ? flatten(s.executedSteps ?? [], workflowId) : [s]));
}

const firstLine = (text: string) => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

const skip = (step: StepInfo, reason: string): CheckResult => ({ id: step.id, clause: step.clause, title: step.title, requires: step.requires, proves: step.proves, status: 'skip', reason, failures: [] });

function stepCheck(step: StepInfo, entries: RespectStep[], workflow: WorkflowInfo, workflows: readonly WorkflowInfo[]): CheckResult {
  const exchange = exchangeOf(entries);
  const failures = distinct(entries.flatMap((e) => (e.checks ?? []).filter((c) => !c.passed).map((c) => failureOf(c, exchange?.response?.statusCode, workflow, workflows))));
  return {
    id: step.id,
    clause: step.clause,
    title: step.title,
    requires: step.requires,
    proves: step.proves,
    status: failures.length > 0 ? 'fail' : 'pass',
    ...(failures.length > 0 ? { reason: `${failures[0]!.check}: ${firstLine(failures[0]!.message)}` } : {}),
    failures,
    ...(exchange ? { exchange } : {}),
    durationMs: entries.reduce((sum, e) => sum + (e.totalTimeMs ?? 0), 0),
  };
}

export interface RespectOutcome {
  log: RespectLog | undefined;
  /** Why there is no log (Respect could not start, or crashed). */
  failure?: string;
  /** The exchanges of Respect's HAR file, for the reply bodies its log leaves out. */
  har?: readonly HarExchange[];
}

/**
 * @param skipped workflows the kit did not ask Respect to run, with the reason.
 */
export function checksFromRespect(workflows: WorkflowInfo[], outcome: RespectOutcome, skipped: ReadonlyMap<string, string>): CheckResult[] {
  if (outcome.log && outcome.har) fillBodies(outcome.log, outcome.har);
  const executed = new Map<string, RespectStep[]>();
  for (const file of Object.values(outcome.log?.files ?? {})) {
    for (const workflow of file.executedWorkflows ?? []) {
      executed.set(workflow.workflowId, [...(executed.get(workflow.workflowId) ?? []), ...flatten(workflow.executedSteps, workflow.workflowId)]);
    }
  }
  // Workflows whose steps all passed: only their outputs (the sessions) can be relied on.
  const succeeded = new Set<string>();

  function workflowChecks(workflow: WorkflowInfo): CheckResult[] {
    const skipReason = skipped.get(workflow.workflowId);
    if (skipReason !== undefined) return workflow.steps.map((s) => skip(s, skipReason));
    if (!outcome.log) {
      const reason = `Respect did not run: ${outcome.failure ?? 'no log'}`;
      return workflow.steps.map((s) => ({ ...skip(s, reason), status: 'fail', failures: [{ check: 'respect', message: reason }] }));
    }
    const failedSource = workflow.uses.find((id) => !succeeded.has(id));
    if (failedSource) return workflow.steps.map((s) => skip(s, `uses the outputs of workflow ${failedSource}, which failed`));
    const steps = executed.get(workflow.workflowId);
    if (!steps) return workflow.steps.map((s) => skip(s, 'not run by Respect'));
    // Respect records a failed dependsOn as a pseudo-step "dependsOn" and runs nothing else.
    const dependency = steps.find((s) => s.stepId === 'dependsOn');
    if (dependency) {
      const why = dependency.checks?.find((c) => !c.passed)?.message ?? 'a workflow it depends on failed';
      return workflow.steps.map((s) => skip(s, `not run: ${firstLine(why)}`));
    }
    let lastFailed: string | undefined;
    return workflow.steps.map((step) => {
      // A step can appear twice: Respect adds an entry when the workflow's outputs fail to resolve.
      const entries = steps.filter((s) => s.stepId === step.stepId);
      if (entries.length === 0) return skip(step, lastFailed ? `not run: step ${lastFailed} failed before it` : 'not run');
      const check = stepCheck(step, entries, workflow, workflows);
      if (check.status === 'fail') lastFailed = step.stepId;
      return check;
    });
  }

  const checks: CheckResult[] = [];
  for (const workflow of workflows) {
    const own = workflowChecks(workflow);
    if (own.every((c) => c.status === 'pass')) succeeded.add(workflow.workflowId);
    checks.push(...own);
  }
  return checks;
}
