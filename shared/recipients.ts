// Several recipients typed into one field: commas, semicolons or white space between addresses. Shared so the
// compose pane counts them as the main side will send them.

/** Most recipients one compose sends to (each gets its own submit_sm and its own message row). */
export const MAX_RECIPIENTS = 100;

export function splitRecipients(value: string): string[] {
  return value.split(/[\s,;]+/).filter((part) => part !== '');
}
