// A zod enum over one of the contract's name lists, with the message naming the field and every allowed value
// (built from the same list, so it can never offer a value the type does not have, or miss one it does).
import { z } from 'zod';

export function choiceOf<const T extends readonly [string, ...string[]]>(names: T, label: string) {
  const allowed = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
  return z.enum(names, { error: `${label}: ${allowed}` });
}
