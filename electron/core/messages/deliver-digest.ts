// The fingerprint of a received deliver_sm / data_sm, to recognise an SMSC's re-send of one it thinks was lost (no
// deliver_sm_resp reached it: the console crashed after committing, the link dropped). A re-send carries a new
// sequence_number but the same octets otherwise, so the digest covers command_id and the body exactly as
// received — never a re-encoding, which could make two different PDUs look alike — and nothing else of the header.
import { createHash } from 'node:crypto';
import { HEADER_LENGTH } from '../smpp/smpp-tables';
import { receivedOctetsOf, type Pdu } from '../smpp/pdu-codec';

/** 128 bits of SHA-256, hex: no two different PDUs of one account in a day share it by chance. */
const DIGEST_HEX_LENGTH = 32;

export function deliverDigest(pdu: Pdu): string {
  const hash = createHash('sha256');
  const octets = receivedOctetsOf(pdu);
  if (octets) {
    hash.update(octets.subarray(4, 8)); // command_id
    hash.update(octets.subarray(HEADER_LENGTH));
  } else {
    // A PDU built in code, never received: its decoded content stands in for the octets.
    hash.update(JSON.stringify([pdu.commandId, pdu.fields, pdu.tlvs]));
  }
  return hash.digest('hex').slice(0, DIGEST_HEX_LENGTH);
}
