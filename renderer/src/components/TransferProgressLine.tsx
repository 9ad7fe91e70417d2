// How far a file transfer has got (an export fetched, a capture sent): the step, and its share once its size is known.
import type { TransferProgress } from '../store/trace-tools-slice';

export function TransferProgressLine({ progress }: { progress: TransferProgress }) {
  return (
    <p role="status">
      {progress.step} {progress.total > 0 && `${Math.round((progress.done / progress.total) * 100)} %`}
    </p>
  );
}
