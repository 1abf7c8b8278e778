// Turns Respect's JSON log into the kit's checks: one per declared step, passed when every
// Respect check of the step passed, skipped when the step did not run or could not mean anything
// (with the reason).
import type { RespectCheck, RespectLog, RespectStep } from './respect.ts';
import type { CheckFailure, CheckResult, HttpExchange } from './types.ts';
import type { StepInfo, WorkflowInfo } from './workflows.ts';

function failureOf(check: RespectCheck): CheckFailure {
  // For success criteria the condition is the statement; Respect's message only repeats it as JSON.
  if (check.name === 'success criteria check' && check.condition) return { check: check.name, message: check.condition };
  return { check: check.name, message: (check.message ?? check.condition ?? '').trim() };
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

const skip = (step: StepInfo, reason: string): CheckResult => ({ id: step.id, clause: step.clause, title: step.title, requires: step.requires, status: 'skip', reason, failures: [] });

function stepCheck(step: StepInfo, entries: RespectStep[]): CheckResult {
  const failures = entries.flatMap((e) => (e.checks ?? []).filter((c) => !c.passed).map(failureOf));
  const exchange = exchangeOf(entries);
  return {
    id: step.id,
    clause: step.clause,
    title: step.title,
    requires: step.requires,
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
}

/**
 * @param skipped workflows the kit did not ask Respect to run, with the reason.
 */
export function checksFromRespect(workflows: WorkflowInfo[], outcome: RespectOutcome, skipped: ReadonlyMap<string, string>): CheckResult[] {
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
      const check = stepCheck(step, entries);
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
