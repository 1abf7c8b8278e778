// What reached the test partner: every request, recorded before the partner kit parses and
// validates it, with how many were in flight at the time.
import type { RequestHandler, Response } from 'express';
import type { PartnerOperationId } from '../../src/sdk/index.ts';
import type { PartnerBehaviour } from './partner-behaviour.ts';

export interface PartnerArrival {
  /** Set once the kit validated the request; undefined for a request it refused. */
  operationId: PartnerOperationId | undefined;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  behaviour?: PartnerBehaviour;
  /** performance.now() when it arrived. */
  at: number;
  /** The requests the partner was serving when it arrived, this one included. */
  concurrent: number;
}

/** Middleware before the kit that appends each request to `arrivals`. */
export function recordArrivals(arrivals: PartnerArrival[]): RequestHandler {
  let open = 0;
  return (req, res, next) => {
    open += 1;
    res.once('close', () => {
      open -= 1;
    });
    const arrival: PartnerArrival = {
      operationId: undefined,
      headers: { ...req.headers },
      // The kit parses the body after this step; read it as the kit left it.
      get body(): unknown {
        return req.body;
      },
      at: performance.now(),
      concurrent: open,
    };
    arrivals.push(arrival);
    res.locals.arrival = arrival;
    next();
  };
}

/** The arrival of the request `res` answers. */
export const arrivalOf = (res: Response): PartnerArrival => res.locals.arrival as PartnerArrival;
