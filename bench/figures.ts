// How every benchmark reports: one JSON object per figure with --json, else one readable line per group.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  [detail: string]: string | number;
}

export function report(json: boolean, figures: Figure[], line: string): void {
  if (json) for (const figure of figures) console.log(JSON.stringify(figure));
  else console.log(line);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export const round1 = (value: number) => Math.round(value * 10) / 10;
