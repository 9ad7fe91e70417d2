// Errors as the renderer shows them. Both transports reject with an Error whose message a person can act on;
// the WebSocket transport also keeps the contract's `field`, so a form can mark the input it names.
import type { ConsoleError } from '../../../shared/contract';

export class ConsoleCallError extends Error {
  readonly field: string | undefined;

  constructor(error: ConsoleError) {
    super(error.message);
    this.name = 'ConsoleCallError';
    this.field = error.field;
  }
}

/** The message to show for anything a call rejected with (a bridge may hand over a non-Error). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unexpected error';
}

/** The input a rejection names, whichever transport carried it (the preload may set `field` on a plain Error). */
export function errorField(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('field' in error)) return null;
  const field: unknown = error.field;
  return typeof field === 'string' && field !== '' ? field : null;
}
