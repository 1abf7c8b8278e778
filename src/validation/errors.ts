// The refusals the validating middleware raises, shaped as express-openapi-validator raises
// them (status, message, errors[{ path, message }]), so that a standard's error renderer reads
// both engines alike.

export interface ValidationProblem {
  /** Where: /headers/<name>, /body/<pointer>, /query/<name>, /response/<pointer>, or the URL path. */
  path: string;
  message: string;
}

export class ValidationError extends Error {
  readonly status: number;
  readonly errors: ValidationProblem[];

  constructor(status: number, errors: ValidationProblem[]) {
    super(errors.map((e) => `${e.path} ${e.message}`).join('; '));
    this.name = 'ValidationError';
    this.status = status;
    this.errors = errors;
  }
}

/** An Ajv error as a problem at `prefix` (/body, /headers, /response), the path naming the
 * property a `required` or `additionalProperties` error is about, as express-openapi-validator does. */
export function problemOf(prefix: string, error: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }): ValidationProblem {
  const { missingProperty, additionalProperty, unevaluatedProperty, allowedValues } = error.params as Record<string, unknown>;
  const named = missingProperty ?? additionalProperty ?? unevaluatedProperty;
  const path = `${prefix}${error.instancePath}${named === undefined ? '' : `/${String(named)}`}`;
  const message = error.keyword === 'enum' && Array.isArray(allowedValues) ? `${error.message}: ${allowedValues.join(', ')}` : (error.message ?? 'is invalid');
  return { path, message };
}
