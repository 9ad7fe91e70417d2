// What becomes of one accepted message: its final outcome drawn from the mix, when its receipt comes (fixed or
// uniform delay), whether registered_delivery asks for that receipt, and whether an intermediate notification
// comes first. Pure but for the dice it is handed, so a seeded scenario plays the same way every time.
import type { FinalReceiptStat, ReceiptSettings } from '../../../shared/contract';


export interface ReceiptPlan {
  stat: FinalReceiptStat;
  err: number;
  /** After the response, when the message reaches its final state (and its receipt, if asked for, is sent). */
  finalAfterMs: number;
  /** registered_delivery asks for a receipt with this outcome. */
  sendFinal: boolean;
  /** After the response, when the ENROUTE intermediate notification goes; null for none. */
  intermediateAfterMs: number | null;
  settings: ReceiptSettings;
}

const REGISTERED_RECEIPT = 0x03;
const REGISTERED_INTERMEDIATE = 0x10;

export function planReceipt(settings: ReceiptSettings, registeredDelivery: number, random: () => number): ReceiptPlan {
  const outcome = pick(settings, random);
  const { delay } = settings;
  const finalAfterMs = delay.kind === 'fixed' ? delay.ms : delay.minMs + Math.round(random() * (delay.maxMs - delay.minMs));
  // registered_delivery bits 1–0: 1 any outcome, 2 failure only, 3 success only (v5.0).
  const wanted = registeredDelivery & REGISTERED_RECEIPT;
  const delivered = outcome.stat === 'DELIVRD';
  const sendFinal = wanted === 1 || (wanted === 2 && !delivered) || (wanted === 3 && delivered);
  const asksIntermediate = wanted !== 0 || (registeredDelivery & REGISTERED_INTERMEDIATE) !== 0;
  return {
    stat: outcome.stat,
    err: outcome.err ?? 0,
    finalAfterMs,
    sendFinal,
    intermediateAfterMs: settings.intermediate && asksIntermediate ? Math.floor(finalAfterMs / 2) : null,
    settings,
  };
}

function pick(settings: ReceiptSettings, random: () => number): ReceiptSettings['outcomes'][number] {
  const { outcomes } = settings;
  if (outcomes.length === 1) return outcomes[0]!;
  const total = outcomes.reduce((sum, o) => sum + o.weight, 0);
  let roll = random() * total;
  for (const outcome of outcomes) {
    roll -= outcome.weight;
    if (roll < 0) return outcome;
  }
  return outcomes.findLast((o) => o.weight > 0)!;
}
