// The scenario's rules, worked out once per scenario: the first rule whose conditions all hold (destination prefix,
// system_id) decides a submit — accept, reject with its command_status, or ignore (never answer) — after its delay,
// with its receipt settings laid over the scenario's. No rule matching: accept at once, with the scenario's receipts.
import type { ReceiptSettings, RuleAction, SimulatorScenario } from '../../../shared/contract';
import { commandStatusOf } from './scenario-schema';

export interface SubmitDecision {
  /** The rule's name (or "rule N"); null when no rule matched. */
  label: string | null;
  action: RuleAction;
  commandStatus: number;
  delayMs: number;
  receipts: ReceiptSettings;
}

interface CompiledRule {
  destinationPrefix: string;
  systemId: string;
  decision: SubmitDecision;
}

export class Rules {
  private readonly rules: CompiledRule[];
  private readonly fallback: SubmitDecision;

  constructor(scenario: SimulatorScenario) {
    this.fallback = { label: null, action: 'accept', commandStatus: 0, delayMs: 0, receipts: scenario.receipts };
    this.rules = scenario.rules.map((rule, index) => ({
      destinationPrefix: rule.match.destinationPrefix,
      systemId: rule.match.systemId,
      decision: {
        label: rule.name || `rule ${index + 1}`,
        action: rule.action,
        commandStatus: rule.action === 'reject' ? (commandStatusOf(rule.status) ?? 0x45) : 0,
        delayMs: rule.delayMs,
        receipts: { ...scenario.receipts, ...rule.receipts },
      },
    }));
  }

  decide(systemId: string, destinationAddr: string): SubmitDecision {
    for (const rule of this.rules) {
      if (rule.systemId !== '' && rule.systemId !== systemId) continue;
      if (!destinationAddr.startsWith(rule.destinationPrefix)) continue;
      return rule.decision;
    }
    return this.fallback;
  }
}
