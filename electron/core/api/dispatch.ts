// The single entry for calls from either shell: the method must be one of the contract's names, the payload
// must pass its schema, and every outcome becomes a CallResult (errors as data, never a thrown stack trace).
// An error that is not the user's to fix (anything but a ConsoleInputError) is also reported, stack included,
// to the diagnostics log: the user sees its message, the log keeps where it came from.
import { z } from 'zod';
import { consoleMethodNames, type CallResult, type ConsoleMethodName, type ConsoleMethods } from '../../../shared/contract';
import type { Diagnostics } from '../diagnostics/diagnostics';
import { ConsoleInputError } from './console-input-error';
import { payloadSchemas } from './payload-schemas';

export type ConsoleHandlers = {
  [K in ConsoleMethodName]: (request: ConsoleMethods[K]['request']) => Promise<ConsoleMethods[K]['response']> | ConsoleMethods[K]['response'];
};

const knownMethods = new Set<string>(consoleMethodNames);

export async function dispatchCall(handlers: ConsoleHandlers, diagnostics: Diagnostics, method: unknown, payload: unknown): Promise<CallResult> {
  if (typeof method !== 'string' || !knownMethods.has(method)) {
    return { ok: false, error: { message: `unknown method ${JSON.stringify(method)}` } };
  }
  const name = method as ConsoleMethodName;
  const parsed = payloadSchemas[name].safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Fields are named as the form names them: a profile nested in a request as `draft` drops that prefix.
    const path = (issue?.path ?? []).map(String);
    const field = (path[0] === 'draft' ? path.slice(1) : path).join('.');
    return {
      ok: false,
      error: { message: issue?.message ?? z.prettifyError(parsed.error), ...(field ? { field } : {}) },
    };
  }
  try {
    const handler = handlers[name] as (request: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof ConsoleInputError) {
      return { ok: false, error: { message: error.message, ...(error.field ? { field: error.field } : {}) } };
    }
    diagnostics.report(error, { where: `call ${name}` });
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { message: message || 'unexpected error (see the log in the data folder)' } };
  }
}
