// The main side's typed event source for the contract's events; both shells forward it to their renderer.
import { EventEmitter } from 'node:events';
import type { ConsoleEvents } from '../../../shared/contract';

type EventArgs = { [E in keyof ConsoleEvents]: [ConsoleEvents[E]] };

export class ConsoleEventBus extends EventEmitter<EventArgs> {}
