// A status shown by colour and by word: the word carries the meaning, the colour only speeds reading.
import type { ReactNode } from 'react';
import type { Tone } from '../format/tones';

export function StatusWord({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className="status" data-tone={tone}>
      {children}
    </span>
  );
}
