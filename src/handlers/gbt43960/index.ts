// Every operation of the GB/T 43960 document, by operationId: a missing handler is a compile error.
import type { Gbt43960Handlers } from '../../../generated/gbt43960/gbt43960.handlers.ts';
import type { GbtContext } from './context.ts';
import { device_auth } from './device_auth.ts';
import { device_identifier_query } from './device_identifier_query.ts';
import { device_identifier_save } from './device_identifier_save.ts';
import { device_query } from './device_query.ts';
import { gateway_create } from './gateway_create.ts';
import { interface_list } from './interface_list.ts';
import { interface_register } from './interface_register.ts';
import { token } from './token.ts';

export const gbtHandlers = {
  token,
  device_auth,
  device_query,
  gateway_create,
  device_identifier_save,
  device_identifier_query,
  interface_register,
  interface_list,
} satisfies Gbt43960Handlers<GbtContext>;
