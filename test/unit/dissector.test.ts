// The dissector against the smpp package's own decoder (an independent reading of the same tables) on a valid PDU
// of every command, against hand-made malformed PDUs (the break named at the right offset), and fuzzed: it never
// throws and every node stays inside the bytes.
import { PDU } from 'smpp';
import { commands, types } from 'smpp/lib/defs.js';
import { describe, expect, it } from 'vitest';
import type { DissectNode } from '../../shared/contract';
import { findNode, flattenTree, nodeAtOctet, treeAsText } from '../../shared/dissect-tree';
import { decodeHex } from '../../electron/core/trace/dissector/decode-hex';
import { dissectPdu } from '../../electron/core/trace/dissector/dissect';
import { encodePdu } from '../../electron/core/smpp/pdu-codec';
import { Fuzz, mutatedPdu, seededRandom, validPdu } from '../support/pdu-corpus';

const node = (tree: DissectNode[], label: string) => {
  const found = findNode(tree, label);
  if (!found) throw new Error(`no node ${label} in\n${treeAsText(tree)}`);
  return found;
};
const problems = (tree: DissectNode[]) => flattenTree(tree).filter((p) => p.node.problem !== undefined).map((p) => p.node);
const octetsOf = (bytes: Buffer, n: DissectNode) => bytes.subarray(n.offset, n.offset + n.length);

describe('the dissector', () => {
  it.each(Object.keys(commands))('%s: every field where the package reads it, every octet covered, no problem', (command) => {
    const fuzz = new Fuzz(seededRandom(command.length * 7919));
    const bytes = validPdu(fuzz, command);
    const tree = dissectPdu(bytes, 'gsm7');
    // The corpus fills short_message with random octets under a random esm_class: what its UDH or text says is the
    // user data's business (tested below); the SMPP layer must have no problem.
    const userData = flattenTree(tree).map((p) => p.node).filter((n) => n.label === 'short_message' || (n.label === 'value' && n.children));
    const inUserData = (n: DissectNode) => userData.some((u) => n.offset >= u.offset && n.offset < u.offset + u.length);
    expect(problems(tree).filter((n) => !inUserData(n))).toEqual([]);
    // Top-level nodes tile the PDU: header, body, TLVs, nothing left over.
    const top = tree.map((n) => [n.offset, n.length]);
    expect(top.reduce((at, [offset, length]) => (expect(offset).toBe(at), at + length!), 0)).toBe(bytes.length);

    const theirs = new PDU(bytes);
    // Each field as the package reads it, and as the octets under our node hold it: the same list.
    const ours: Array<[string, unknown]> = [['sequence_number', Number(node(tree, 'sequence_number').value.split(' ')[0])]];
    const read: Array<[string, unknown]> = [['sequence_number', theirs.sequence_number]];
    for (const [name, param] of Object.entries(commands[command]!.params ?? {})) {
      const value = theirs[name];
      if (name === 'short_message') {
        // Our sm_length octet announces exactly the short_message node; the package's octets (when it leaves them
        // as octets rather than decoding text by data_coding) are the node's.
        const sm = node(tree, 'short_message');
        ours.push(['sm_length', sm.length], ['short_message', Buffer.isBuffer(value) ? octetsOf(bytes, sm).toString('hex') : 'text']);
        read.push(['sm_length', octetsOf(bytes, node(tree, 'sm_length'))[0]], ['short_message', Buffer.isBuffer(value) ? value.toString('hex') : 'text']);
        continue;
      }
      const raw = octetsOf(bytes, node(tree, name));
      if (typeof value === 'number') ours.push([name, raw.readUIntBE(0, raw.length)]);
      else if (typeof value === 'string' && param.type === types.cstring) ours.push([name, raw.toString('latin1').replace(/\0$/, '')]);
      else continue;
      read.push([name, value]);
    }
    for (const tlv of findNode(tree, 'TLVs')?.children ?? []) {
      const value = tlv.children![2]!;
      if (typeof theirs[tlv.label] !== 'number') continue;
      ours.push([tlv.label, octetsOf(bytes, value).readUIntBE(0, value.length)]);
      read.push([tlv.label, theirs[tlv.label]]);
    }
    expect(ours).toEqual(read);
  });

  it('names and explains: esm_class bits, registered_delivery, data_coding, TON/NPI, times, status, message_state, network_error_code', () => {
    const bytes = encodePdu({
      command: 'deliver_sm', sequenceNumber: 3, commandStatus: 0,
      fields: { source_addr_ton: 1, source_addr_npi: 1, esm_class: 0x04, registered_delivery: 0x01, data_coding: 0x00, validity_period: '000001000000000R', short_message: Buffer.from('id:7 stat:UNDELIV err:011', 'latin1') },
      tlvs: { message_state: 5, network_error_code: Buffer.from([3, 0x00, 0x0b]) },
    });
    const tree = dissectPdu(bytes, 'latin1');
    expect(node(tree, 'source_addr_ton').value).toBe('1 International');
    expect(node(tree, 'source_addr_npi').value).toBe('1 ISDN (E.163/E.164)');
    expect(node(tree, 'esm_class').value).toContain('SMSC delivery receipt');
    expect(node(tree, 'bits 5–2 message type').value).toBe('0x04 SMSC delivery receipt');
    expect(node(tree, 'registered_delivery').value).toContain('receipt on success or failure');
    expect(node(tree, 'data_coding').value).toBe('0x00 SMSC default alphabet — this profile reads it as Latin-1');
    expect(node(tree, 'validity_period').value).toContain('relative: 1 d from when the SMSC receives it');
    expect(node(tree, 'message_state').value).toBe('tag 0x0427: 5 UNDELIVERABLE');
    expect(node(tree, 'network type').value).toBe('3 GSM');
    expect(node(tree, 'error code').value).toBe('11 (0x000b)');
    expect(node(tree, 'stat').value).toBe('"UNDELIV" undeliverable');
    const err = node(tree, 'err');
    expect(octetsOf(bytes, err).toString('latin1')).toBe('011');
    const nack = dissectPdu(encodePdu({ command: 'generic_nack', sequenceNumber: 9, commandStatus: 0x0e }), 'gsm7');
    expect(node(nack, 'command_status').value).toBe('0x0000000e ESME_RINVPASWD — Invalid password');
  });

  it('breaks the UDH into its elements and decodes the text after it, with the national tables it names', () => {
    // 16-bit concatenation, 16-bit ports, Turkish locking + single shift, an unknown IEI, then text.
    const udh = Buffer.from([20, 0x08, 4, 0x12, 0x34, 3, 2, 0x05, 4, 0x0b, 0x84, 0x23, 0xf0, 0x25, 1, 1, 0x24, 1, 1, 0x70, 0]);
    const text = Buffer.from([0x07, 0x1b, 0x47]); // Turkish locking 0x07 = 'ı', single shift 0x47 = 'Ğ'
    const tree = dissectPdu(encodePdu({ command: 'submit_sm', sequenceNumber: 1, fields: { esm_class: 0x40, short_message: Buffer.concat([udh, text]) } }), 'gsm7');
    const header = node(tree, 'user data header');
    expect(header.length).toBe(21);
    expect(header.children!.map((c) => c.label)).toEqual([
      'UDHL', 'IE 0x08 concatenated short message, 16-bit reference', 'IE 0x05 application port addressing, 16-bit',
      'IE 0x25 national language locking shift', 'IE 0x24 national language single shift', 'IE 0x70 unknown information element',
    ]);
    expect(header.children![1]!.value).toBe('part 2 of 3, reference 4660 (0x1234)');
    expect(header.children![2]!.value).toBe('destination port 2948 WAP push (WSP), originator port 9200 WAP connectionless session');
    expect(header.children![3]!.value).toBe('1 Turkish');
    expect(header.children![5]!.value).toBe('(no data)');
    expect(node(tree, 'text').value).toMatch(/^"ıĞ" \(GSM 03\.38 unpacked.*with the national tables/);
    expect(problems(tree)).toEqual([]);
  });

  it('shows GSM text with octets above 0x7F also as packed septets, fill bits counted after the UDH', () => {
    // "Hi" packed after a 6-octet UDH: 48 bits → 1 fill bit.
    const packed = Buffer.from([0x90, 0x69]); // 'H'=0x48, 'i'=0x69 packed with 1 fill bit
    const tree = dissectPdu(encodePdu({ command: 'deliver_sm', sequenceNumber: 1, fields: { esm_class: 0x40, short_message: Buffer.concat([Buffer.from([5, 0, 3, 1, 1, 1]), packed]) } }), 'gsm7');
    expect(node(tree, 'text').problem).toBe('octets above 0x7F are not unpacked GSM septets');
    expect(node(tree, 'read as packed septets (1 fill bits after the UDH)').value).toBe('"Hi"');
  });

  it.each([
    ['a header cut short', '0000001080000009000000', 'Header', 0, 'the PDU ends after 11 of the header’s 16 octets'],
    ['sm_length past the end', null, 'sm_length', 'sm', 'sm_length 200 runs past the end of the PDU (2 octets left)'],
    ['a C-string with no NUL', '0000001880000004000000000000000141424344454647', 'message_id', 16, 'no NUL terminator before the end of the PDU'],
    ['a TLV longer than the PDU', '000000188000000400000000000000014100001e00104142', 'length', 20, 'TLV length 16 runs past the end of the PDU (2 octets left)'],
    ['stray octets', '00000014000000150000000000000001000102', 'stray octets', 16, '3 stray octet(s) after the last field'],
    ['an unknown command_id', '000000140000abcd0000000000000001deadbeef', 'command_id', 4, 'unknown command_id 0x0000abcd'],
  ] as const)('%s: the problem is pinned to the node where it broke', (_, hex, label, offset, problem) => {
    const bytes = hex ? Buffer.from(hex, 'hex') : smLengthOverrun();
    const tree = dissectPdu(bytes, 'gsm7');
    const broken = problems(tree).find((n) => n.label === label) ?? ({ label: `none in\n${treeAsText(tree)}`, value: '', offset: -1, length: 0 } satisfies DissectNode);
    expect([broken.label, broken.problem?.includes(problem), broken.offset]).toEqual([label, true, offset === 'sm' ? bytes.length - 3 : offset]);
  });

  it('says where a UDH breaks (UDHL or IEDL past the end) and keeps what it read', () => {
    const udhl = dissectPdu(encodePdu({ command: 'submit_sm', sequenceNumber: 1, fields: { esm_class: 0x40, short_message: Buffer.from([9, 0, 3, 1]) } }), 'gsm7');
    expect(node(udhl, 'user data header').problem).toBe('UDHL 9 runs past the user data (3 octets follow it)');
    const iedl = dissectPdu(encodePdu({ command: 'submit_sm', sequenceNumber: 1, fields: { esm_class: 0x40, short_message: Buffer.from([4, 0, 3, 1, 2, 0x41]) } }), 'gsm7');
    expect(problems(iedl).map((n) => n.problem)).toEqual(['IEDL 3 runs past the header (2 octets left)']);
    expect(node(iedl, 'text').value).toMatch(/^"A"/);
  });

  it('never throws, and every node stays inside the bytes (a bounded fuzz)', () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    console.log(`dissector fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it), 20,000 cases`);
    const fuzz = new Fuzz(seededRandom(seed));
    let nodes = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const bytes = i % 10 === 0 ? fuzz.bytes(fuzz.int(40)) : mutatedPdu(fuzz);
      let tree: DissectNode[];
      try {
        tree = dissectPdu(bytes, fuzz.pick(['gsm7', 'latin1', 'ia5'] as const));
      } catch (error) {
        throw new Error(`seed ${seed} (FUZZ_SEED replays it), case ${i}: ${bytes.toString('hex')}`, { cause: error });
      }
      for (const { node: n } of flattenTree(tree)) {
        nodes += 1;
        if (n.offset < 0 || n.length < 0 || n.offset + n.length > bytes.length) {
          throw new Error(`seed ${seed}, case ${i}: node ${n.label} [${n.offset}+${n.length}] outside ${bytes.length} octets: ${bytes.toString('hex')}`);
        }
      }
    }
    expect(nodes).toBeGreaterThan(100_000);
  });
});

function smLengthOverrun(): Buffer {
  const bytes = encodePdu({ command: 'submit_sm', sequenceNumber: 1, fields: { short_message: Buffer.from('ok') } });
  bytes[bytes.length - 3] = 200; // sm_length
  return bytes;
}

describe('the Decode box', () => {
  it('splits pasted PDUs back to back, tolerating whitespace, 0x and separators', () => {
    const a = encodePdu({ command: 'enquire_link', sequenceNumber: 5 });
    const b = encodePdu({ command: 'submit_sm_resp', sequenceNumber: 6, fields: { message_id: 'AB12' } });
    const pasted = `0x${a.toString('hex').slice(0, 8)} ${a.toString('hex').slice(8)}\n${b.toString('hex').replace(/(..)/g, '$1:')}`.replace(/:$/, '');
    const result = decodeHex(pasted, 'gsm7');
    expect(result.problem).toBeNull();
    expect(result.pdus.map((p) => [p.offset, p.summary])).toEqual([[0, 'enquire_link ESME_ROK seq 5'], [16, 'submit_sm_resp ESME_ROK seq 6 message_id="AB12"']]);
    expect(result.pdus[1]!.hex).toBe(b.toString('hex'));
  });

  it('dissects a PDU cut short as far as it goes, and says so', () => {
    const a = encodePdu({ command: 'submit_sm', sequenceNumber: 5, fields: { short_message: Buffer.from('hello') } });
    const result = decodeHex(a.subarray(0, 30).toString('hex'), 'gsm7');
    expect(result.problem).toBe(`the PDU at octet 0 is cut short: command_length ${a.length}, 30 octets here`);
    expect(result.pdus[0]!.summary).toBe('submit_sm ESME_ROK seq 5 (cut short)');
    expect(findNode(result.pdus[0]!.tree, 'command_length')!.problem).toContain('cut short');
  });

  it('refuses what is not hex, naming the character and where it is', () => {
    expect(() => decodeHex('00 00 00 1g', 'gsm7')).toThrow('hex: "g" at character 11 is not a hex digit');
    expect(() => decodeHex('000', 'gsm7')).toThrow('hex: 3 hex digits — octets take two each');
  });
});

describe('the tree, walked', () => {
  it('a byte selects the narrowest node over it; a node lists as indented text with its octets', () => {
    const bytes = encodePdu({ command: 'submit_sm', sequenceNumber: 1, fields: { esm_class: 0x40, short_message: Buffer.from([5, 0, 3, 9, 2, 1, 0x41]) } });
    const tree = dissectPdu(bytes, 'gsm7');
    const esm = node(tree, 'esm_class');
    expect(nodeAtOctet(tree, esm.offset)!.node).toBe(esm);
    expect(nodeAtOctet(tree, 5)!.node.label).toBe('command_id');
    expect(nodeAtOctet(tree, bytes.length - 3)!.node.label).toBe('total parts');
    const text = treeAsText(tree);
    expect(text.split('\n')[0]).toBe(`Header: submit_sm ESME_ROK seq 1, ${bytes.length} octets [0+16]`);
    expect(text).toContain('\n        total parts: 2 [');
  });
});
