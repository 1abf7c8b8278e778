// What the kit reads from an Arazzo file besides what Respect runs: each workflow's and step's
// clause (x-cheaa-clause), title (description), requirement (x-cheaa-requires) and the ids of
// the requirements it proves (x-cheaa-proves, see requirements.ts), when the kit skips a workflow
// (x-cheaa-skip-with-mtls, x-cheaa-needs-fixture), whose outputs it uses, and the outputs
// themselves (to say which reply lacked a field an output reads).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface StepInfo {
  /** `<workflowId>.<stepId>`: the check's name. */
  id: string;
  stepId: string;
  clause: string;
  title: string;
  requires: string;
  /** Ids of the requirements of the standard the step proves (requirements.ts). */
  proves: string[];
  /** Output name → runtime expression (`$response.body#/User/0/UserBase/userID`). */
  outputs: Record<string, string>;
}

export interface WorkflowInfo {
  workflowId: string;
  summary: string;
  clause: string;
  steps: StepInfo[];
  /** Headers that may be omitted under mutual TLS (clause 7.1) cannot be required then. */
  skipWithMtls: boolean;
  /** A fixtures path (`platform.expiredAccessToken`) without which the workflow cannot run. */
  needsFixture?: string;
  /** Workflows whose outputs it reads (`$workflows.<id>.outputs`): its checks mean nothing when one of them failed. */
  uses: string[];
  /** Output name → runtime expression (`$steps.login.outputs.userId`). */
  outputs: Record<string, string>;
}

interface RawStep {
  stepId: string;
  description?: string;
  'x-cheaa-clause'?: string;
  'x-cheaa-requires'?: string;
  'x-cheaa-proves'?: string[];
  outputs?: Record<string, string>;
}

interface RawWorkflow {
  workflowId: string;
  summary?: string;
  'x-cheaa-clause'?: string;
  'x-cheaa-skip-with-mtls'?: boolean;
  'x-cheaa-needs-fixture'?: string;
  outputs?: Record<string, string>;
  steps: RawStep[];
}

/** The workflows whose outputs a workflow reads, directly or through a reusable parameter. */
function usedWorkflows(workflow: RawWorkflow, parameters: Record<string, unknown>): string[] {
  const text = JSON.stringify(workflow);
  const referenced = [...text.matchAll(/\$components\.parameters\.([\w-]+)/g)].map((m) => JSON.stringify(parameters[m[1]!] ?? null));
  const ids = [text, ...referenced].flatMap((t) => [...t.matchAll(/\$workflows\.([\w-]+)\.outputs/g)].map((m) => m[1]!));
  return [...new Set(ids)].filter((id) => id !== workflow.workflowId);
}

export function readWorkflows(file: string): WorkflowInfo[] {
  const doc = parse(readFileSync(file, 'utf8')) as { workflows: RawWorkflow[]; components?: { parameters?: Record<string, unknown> } };
  const parameters = doc.components?.parameters ?? {};
  return doc.workflows.map((w) => {
    const clause = w['x-cheaa-clause'] ?? '';
    return {
      workflowId: w.workflowId,
      summary: w.summary ?? w.workflowId,
      clause,
      skipWithMtls: w['x-cheaa-skip-with-mtls'] === true,
      ...(w['x-cheaa-needs-fixture'] ? { needsFixture: w['x-cheaa-needs-fixture'] } : {}),
      uses: usedWorkflows(w, parameters),
      outputs: w.outputs ?? {},
      steps: w.steps.map((s) => ({
        id: `${w.workflowId}.${s.stepId}`,
        stepId: s.stepId,
        clause: s['x-cheaa-clause'] ?? clause,
        title: s.description ?? s.stepId,
        requires: s['x-cheaa-requires'] ?? '',
        proves: s['x-cheaa-proves'] ?? [],
        outputs: s.outputs ?? {},
      })),
    };
  });
}
