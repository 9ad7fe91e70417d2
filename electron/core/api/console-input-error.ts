// An error the user can act on: it names the field and the limit. Crosses the transport as { message, field }.
export class ConsoleInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ConsoleInputError';
  }
}
