// Which rows of a dissection the tree shows: Header/Body/TLVs and the user data open from the start, every problem's
// ancestors open, a closed node hiding its subtree.
import { describe, expect, it } from 'vitest';
import { dissectPdu } from '../../electron/core/trace/dissector/dissect';
import { encodePdu } from '../../electron/core/smpp/pdu-codec';
import { ancestorKeys, initialExpanded, pathKey, visibleNodes } from '../../renderer/src/trace/dissection-state';

describe('the dissection tree’s rows', () => {
  const receipt = encodePdu({ command: 'deliver_sm', sequenceNumber: 1, fields: { esm_class: 4, short_message: Buffer.from('id:1 stat:DELIVRD err:000') } });

  it('opens the top, the user data down to a receipt’s fields, and keeps bit fields closed', () => {
    const tree = dissectPdu(receipt, 'gsm7');
    const rows = visibleNodes(tree, initialExpanded(tree)).map((r) => r.node.label);
    expect(rows).toContain('stat');
    expect(rows).toContain('esm_class');
    expect(rows).not.toContain('bit 6 UDHI');
  });

  it('opens the way to every problem', () => {
    const bad = Buffer.from(receipt);
    bad[bad.length - 26] = 200; // sm_length past the end
    const tree = dissectPdu(bad, 'gsm7');
    const open = initialExpanded(tree);
    const problem = visibleNodes(tree, open).find((r) => r.node.problem);
    expect(problem?.node.label).toBe('sm_length');
  });

  it('a closed node hides its subtree; ancestors are named by path', () => {
    const tree = dissectPdu(receipt, 'gsm7');
    const open = initialExpanded(tree);
    open.delete('1');
    expect(visibleNodes(tree, open).map((r) => pathKey(r.path))).toEqual(['0', '0.0', '0.1', '0.2', '0.3', '1']);
    expect(ancestorKeys('1.16.0')).toEqual(['1', '1.16']);
  });
});
