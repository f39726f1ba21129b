/** `torch.nn.utils.rnn.pad_sequence`: a list of variable-length sequences as one padded tensor. */
import { type Tensor, TorchRuntimeError, cat, full, stack } from '@antorcha/core';

/**
 * Pads sequences [L_i, *] with `paddingValue` to the longest length and stacks them into
 * [L_max, B, *] (or [B, L_max, *] with `batchFirst`).
 * @example
 * ```ts
 * nn.utils.rnn.padSequence([a, b, c], { batchFirst: true });
 * ```
 */
export function padSequence(sequences: readonly Tensor[], opts: { batchFirst?: boolean; paddingValue?: number } = {}): Tensor {
  if (sequences.length === 0) throw new TorchRuntimeError('pad_sequence', 'received an empty list of sequences');
  const trailing = sequences[0]!._shape.slice(1);
  const maxLen = Math.max(...sequences.map((s) => s._shape[0]!));
  const padded = sequences.map((s) => {
    const missing = maxLen - s._shape[0]!;
    if (missing === 0) return s;
    return cat([s, full([missing, ...trailing], opts.paddingValue ?? 0, { dtype: s.dtype, device: s.device })], 0);
  });
  return stack(padded, opts.batchFirst ? 0 : 1);
}
