// Where an outbind profile listens and whom it accepts. Whoever completes an outbind is answered with
// bind_receiver — the profile's system_id and password — so the listener must not face every interface, and only
// the SMSC's own addresses may connect. The user may name the address; left empty it is 127.0.0.1 for an SMSC on
// this machine, else the address of the interface the routing table uses to reach the SMSC (found with a UDP
// connect, which sends nothing).
import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { OutbindPlan } from '../../../shared/contract';
import { plainAddress } from './transport';

export async function planOutbind(smscHost: string, listenAddress: string): Promise<OutbindPlan> {
  const smscAddresses = await resolveAll(smscHost);
  if (listenAddress !== '') {
    return { listenAddress, smscAddresses, why: 'as the profile names it' };
  }
  const loopback = smscAddresses.filter(isLoopback);
  if (loopback.length > 0) {
    const v4 = loopback.some((a) => isIP(a) === 4);
    return { listenAddress: v4 ? '127.0.0.1' : '::1', smscAddresses, why: `automatic: the SMSC ${smscHost} is on this machine` };
  }
  const target = smscAddresses[0]!;
  return { listenAddress: await routeTo(target), smscAddresses, why: `automatic: the interface that routes to the SMSC ${target}` };
}

async function resolveAll(host: string): Promise<string[]> {
  if (isIP(host)) return [plainAddress(host)];
  try {
    const found = await lookup(host, { all: true });
    return [...new Set(found.map((a) => plainAddress(a.address)))];
  } catch (error) {
    throw new Error(`cannot resolve the SMSC host ${host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
}

function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.');
}

/** The local address the kernel picks to reach `address`: a connected UDP socket knows it without sending. */
function routeTo(address: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
    const fail = (error: Error) => {
      socket.close();
      reject(new Error(`no route to the SMSC ${address}: ${error.message}`, { cause: error }));
    };
    socket.once('error', fail);
    socket.connect(9, address, () => {
      const local = socket.address().address;
      socket.close();
      resolve(local);
    });
  });
}
