// The platform's CHEAA error replies: the contract's own (src/sdk/error-replies.ts), plus RetCode
// 503 while the store is out of reach.
import type { ErrorRequestHandler } from 'express';
import { cheaaErrorHandler, cheaaNotFound, type ErrorLogger, type FailureClassifier } from '../sdk/error-replies.ts';
import { RetCodes } from '../domain/errors.ts';
import { StoreUnavailableError } from '../store/unavailable.ts';

export type { ErrorLogger };

// Logged once per outage by the store, not once per request.
const storeUnavailable: FailureClassifier = (err) =>
  err instanceof StoreUnavailableError ? { retCode: RetCodes.Unavailable, retInfo: 'the store is unavailable; retry later' } : undefined;

export const errorHandler = (log: ErrorLogger): ErrorRequestHandler => cheaaErrorHandler(log, storeUnavailable);

export const notFound = cheaaNotFound;
