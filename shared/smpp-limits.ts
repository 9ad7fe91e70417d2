// Field limits from SMPP v3.4 §5.2 (C-Octet Strings: the limit counts the terminating NUL, so a person may type
// one character fewer). The profile form shows them and the main side enforces them with the same numbers.
export const C_STRING_OCTETS = {
  system_id: 16,
  password: 9,
  system_type: 13,
  address_range: 41,
  service_type: 6,
  source_addr: 21,
  destination_addr: 21,
  message_id: 65,
} as const;

/** The most characters a person may enter for a C-Octet String field (its octets less the NUL). */
export function maxCharacters(field: keyof typeof C_STRING_OCTETS): number {
  return C_STRING_OCTETS[field] - 1;
}

/** interface_version values a bind may carry (SMPP 3.3, 3.4, 5.0). */
export const INTERFACE_VERSIONS = [0x33, 0x34, 0x50] as const;
