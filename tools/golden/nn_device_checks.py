"""Errors of the value checks that run on the device on WebGPU (CUDA's device-side asserts):
the exception class and text PyTorch's CPU kernels raise for each bad input, and results of
the cases that changed with them (bags from offsets, one_hot). Inputs are small literal
tensors, rebuilt by the same literals in packages/nn/test/device-checks.test.ts and
packages/backend-webgpu/test/nn-no-sync.test.ts.

Writes packages/nn/test/fixtures/nn_device_checks.json.
"""
import torch
import torch.nn.functional as F

from _common import flat_values, write_json

torch.manual_seed(0)


def err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return {'type': type(e).__name__, 'message': str(e)}
    raise AssertionError('expected an error')


def nonfinite_clip(norm_type):
    p = torch.nn.Parameter(torch.ones(3))
    p.grad = torch.tensor([1.0, float('inf'), 2.0])
    return lambda: torch.nn.utils.clip_grad_norm_([p], 1.0, norm_type=norm_type, error_if_nonfinite=True)


W = torch.arange(12, dtype=torch.float32).reshape(4, 3)
errors = {
    'cross_entropy_target_high': err(lambda: F.cross_entropy(torch.zeros(4, 3), torch.tensor([0, 1, 3, 1]))),
    'cross_entropy_target_negative': err(lambda: F.cross_entropy(torch.zeros(4, 3), torch.tensor([0, -5, 2, 7]))),
    'nll_loss_target_high': err(lambda: F.nll_loss(torch.zeros(2, 3), torch.tensor([2, 4]))),
    'bce_above_one': err(lambda: F.binary_cross_entropy(torch.tensor([0.5, 1.5]), torch.tensor([1.0, 0.0]))),
    'bce_negative': err(lambda: F.binary_cross_entropy(torch.tensor([-0.25, 0.5]), torch.tensor([1.0, 0.0]))),
    'bce_nan': err(lambda: F.binary_cross_entropy(torch.tensor([0.5, float('nan')]), torch.tensor([1.0, 0.0]))),
    'gaussian_nll_negative_var': err(lambda: F.gaussian_nll_loss(torch.zeros(3), torch.zeros(3), torch.tensor([1.0, -1.0, 1.0]))),
    'one_hot_too_large': err(lambda: F.one_hot(torch.tensor([0, 3, 1]), 3)),
    'one_hot_negative': err(lambda: F.one_hot(torch.tensor([0, -1, 5]), 3)),
    'embedding_index_high': err(lambda: F.embedding(torch.tensor([0, 4]), W)),
    'embedding_index_negative': err(lambda: F.embedding(torch.tensor([-1, 2]), W)),
    'embedding_bag_first_offset': err(lambda: F.embedding_bag(torch.tensor([0, 1, 2]), W, torch.tensor([1, 2]))),
    'embedding_bag_last_offset': err(lambda: F.embedding_bag(torch.tensor([0, 1, 2]), W, torch.tensor([0, 5]))),
    'clip_grad_norm_nonfinite_2': err(nonfinite_clip(2.0)),
    'clip_grad_norm_nonfinite_inf': err(nonfinite_clip(float('inf'))),
    'max_unpool2d_bad_index': err(lambda: F.max_unpool2d(torch.ones(1, 1, 2, 2), torch.tensor([[[[0, 17], [2, 30]]]]), 2)),
}

results = {
    'one_hot_5': flat_values(F.one_hot(torch.tensor([[0, 3], [4, 1]]), 5)),
    'embedding_bag_empty_bags': flat_values(F.embedding_bag(torch.tensor([0, 1, 2, 3]), W, torch.tensor([0, 0, 2, 4]), mode='mean')),
    'embedding_bag_max_offsets': flat_values(F.embedding_bag(torch.tensor([3, 1, 0, 2, 2]), W, torch.tensor([0, 2, 2]), mode='max')),
}

write_json('packages/nn/test/fixtures/nn_device_checks.json', {'errors': errors, 'results': results})
