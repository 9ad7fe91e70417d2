// Socket addresses as octets for a capture file's IP headers, and back for display. An IPv4-mapped IPv6 address
// (::ffff:127.0.0.1, what a dual-stack socket reports) is the IPv4 address it maps, as Wireshark would show it.
import { isIPv4, isIPv6 } from 'node:net';

export type IpAddress = { family: 4; octets: Uint8Array } | { family: 6; octets: Uint8Array };

export function parseIpAddress(text: string): IpAddress | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  const v4 = mapped ? mapped[1]! : text;
  if (isIPv4(v4)) return { family: 4, octets: Uint8Array.from(v4.split('.').map(Number)) };
  if (!isIPv6(text)) return null;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const words = (part: string | undefined) => (part ? part.split(':') : []);
  const parts = tail === undefined ? words(head) : [...words(head), ...Array(8 - words(head).length - words(tail).length).fill('0'), ...words(tail)];
  const octets = new Uint8Array(16);
  // An embedded dotted quad (::1.2.3.4) takes the last two words.
  const last = parts.at(-1) ?? '';
  if (last.includes('.')) {
    parts.splice(-1, 1, ...[0, 2].map((i) => { const q = last.split('.').map(Number); return ((q[i]! << 8) | q[i + 1]!).toString(16); }));
  }
  parts.forEach((word, i) => {
    const value = Number.parseInt(word, 16);
    octets[i * 2] = value >> 8;
    octets[i * 2 + 1] = value & 0xff;
  });
  return { family: 6, octets };
}

export function formatIpAddress(address: IpAddress): string {
  if (address.family === 4) return Array.from(address.octets).join('.');
  const words = Array.from({ length: 8 }, (_, i) => ((address.octets[i * 2]! << 8) | address.octets[i * 2 + 1]!).toString(16));
  // The longest run of zero words becomes :: (RFC 5952).
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (words[i] !== '0') { i += 1; continue; }
    let j = i;
    while (j < 8 && words[j] === '0') j += 1;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  if (best.start < 0) return words.join(':');
  return `${words.slice(0, best.start).join(':')}::${words.slice(best.start + best.length).join(':')}`;
}
