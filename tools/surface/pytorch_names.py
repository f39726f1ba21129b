"""PyTorch 1.13's public names that a TypeScript tensor library should offer.

Writes tools/surface/pytorch-names.json: per namespace (torch, Tensor, nn.functional,
nn, optim, linalg, fft, special) the names, leaving out CUDA, quantization, sparse,
named tensors, lazy modules, internals and dunder methods (by name parts: a part must not
match names that should count, as 'lu' once hid ReLU, ELU and GELU). torch.linalg/fft/special are
counted in their own namespaces (their torch.* spellings stay excluded from `torch`).
`node tools/surface/surface.mjs` compares them with what Antorcha exports.
Run: /usr/bin/python3 tools/surface/pytorch_names.py
"""
import inspect
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

HERE = os.path.dirname(os.path.abspath(__file__))

# Areas out of scope (their own issues, or not meaningful outside CPython/CUDA).
EXCLUDE_PARTS = ('cuda', 'cudnn', 'mkldnn', 'quant', 'sparse', 'fbgemm', 'miopen', 'vulkan', 'mps', 'xpu', 'hip',
                 'names', 'refine_names', 'align_', 'rename', 'lazy', 'jit', 'onnx', 'nested', 'mkl', 'qscheme',
                 'q_', 'int_repr', 'dequantize', 'fake_', 'batch_norm_backward', 'batch_norm_gather', 'batch_norm_elemt',
                 'batch_norm_stats', 'batch_norm_update_stats', 'coalesce', 'indices', 'values', 'crow', 'col_indices',
                 'ccol', 'row_indices', 'to_padded', 'share_memory', 'storage', 'pin_memory', 'record_stream',
                 'is_shared', 'data_ptr', 'untyped', 'register_hook', 'retain', 'module_load', 'ipu', 'hpu', 'ort',
                 'xla', 'meta', 'has_names', 'is_inference', 'resolve_neg', 'resolve_conj', 'is_neg', 'is_conj',
                 'conj_physical', '_version', 'output_nr', 'smm', 'sspaddmm', 'hspmm', 'saddmm', 'dsmm', 'map_',
                 'map2_', 'apply_', 'new_tensor', 'set_', 'cpu', 'is_set_to', 'is_pinned', 'dim_order', 'mvlgamma',
                 'segment_reduce', 'fbgemm', 'choose_qparams', 'get_device', 'is_vulkan', 'is_ort', 'is_mps',
                 'is_xpu', 'is_ipu', 'is_hpu', 'is_meta', 'is_mkldnn', 'is_quantized', 'is_sparse', 'is_cuda',
                 'is_nested', 'native_', 'rrelu_with_noise', 'slice_scatter', 'select_scatter', 'diagonal_scatter',
                 'as_strided_scatter', 'linalg', 'fft', 'special', 'chalf')
TORCH_EXTRA_EXCLUDE = {'typename', 'is_storage', 'set_default_tensor_type', 'compiled_with_cxx11_abi', 'set_flush_denormal',
                       'set_warn_always', 'is_warn_always_enabled', 'use_deterministic_algorithms',
                       'are_deterministic_algorithms_enabled', 'is_deterministic_algorithms_warn_only_enabled',
                       'set_deterministic_debug_mode', 'get_deterministic_debug_mode', 'set_float32_matmul_precision',
                       'get_float32_matmul_precision', 'import_ir_module', 'import_ir_module_from_buffer', 'init_num_threads',
                       'vitals_enabled', 'set_vital', 'read_vitals', 'wait', 'fork', 'merge_type_from_type_comment',
                       'parse_ir', 'parse_schema', 'parse_type_comment', 'unify_type_list', 'autocast_increment_nesting',
                       'autocast_decrement_nesting', 'clear_autocast_cache', 'get_autocast_cpu_dtype', 'get_autocast_gpu_dtype',
                       'is_autocast_cache_enabled', 'is_autocast_cpu_enabled', 'is_autocast_enabled', 'set_autocast_cache_enabled',
                       'set_autocast_cpu_dtype', 'set_autocast_cpu_enabled', 'set_autocast_enabled', 'set_autocast_gpu_dtype',
                       'get_num_interop_threads', 'set_num_interop_threads', 'get_file_path', 'prepare_multiprocessing_environment',
                       'classproc', 'has_lapack', 'has_openmp', 'has_spectral', 'has_mkl', 'has_cuda', 'has_cudnn',
                       'has_mps', 'has_mkldnn', 'is_autocast_ipu_enabled', 'is_autocast_xla_enabled', 'set_autocast_ipu_enabled',
                       'set_autocast_xla_enabled', 'get_autocast_ipu_dtype', 'get_autocast_xla_dtype', 'set_autocast_ipu_dtype',
                       'set_autocast_xla_dtype', 'sym_int', 'sym_float', 'SymInt', 'SymFloat', 'Size', 'Generator',
                       'device', 'dtype', 'layout', 'memory_format', 'finfo', 'iinfo', 'Tensor', 'typename', 'annotate',
                       'lobpcg', 'pca_lowrank', 'svd_lowrank', 'conv_tbc', 'constant_pad_nd', 'affine_grid_generator',
                       'batch_norm', 'instance_norm', 'layer_norm', 'group_norm', 'embedding', 'embedding_bag', 'dropout',
                       'alpha_dropout', 'feature_dropout', 'feature_alpha_dropout', 'bilinear', 'ctc_loss', 'cosine_embedding_loss',
                       'hinge_embedding_loss', 'kl_div', 'margin_ranking_loss', 'poisson_nll_loss', 'triplet_margin_loss',
                       'pairwise_distance', 'pdist', 'cosine_similarity', 'pixel_shuffle', 'pixel_unshuffle', 'channel_shuffle',
                       'native_channel_shuffle', 'prelu', 'rrelu', 'rrelu_', 'selu', 'selu_', 'celu', 'celu_', 'hardshrink',
                       'threshold', 'threshold_', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d',
                       'conv_transpose3d', 'avg_pool1d', 'max_pool1d', 'max_pool2d', 'max_pool3d', 'max_pool1d_with_indices',
                       'adaptive_avg_pool1d', 'adaptive_max_pool1d', 'gru_cell', 'lstm_cell', 'rnn_tanh_cell', 'rnn_relu_cell',
                       'gru', 'lstm', 'rnn_tanh', 'rnn_relu', 'grid_sampler', 'grid_sampler_2d', 'grid_sampler_3d', 'convolution',
                       'conv_transpose', 'cudnn_', 'frobenius_norm', 'nuclear_norm', 'norm_except_dim', 'batch_norm_elemt',
                       'fused_moving_avg_obs_fake_quant', 'is_same_size', 'is_signed', 'is_vulkan_available', 'result_type_inner',
                       'dropout_', 'alpha_dropout_', 'feature_alpha_dropout_', 'feature_dropout_', 'embedding_renorm_',
                       'binary_cross_entropy_with_logits', 'broadcast_shapes', 'sym_not', 'sym_max', 'sym_min', 'unify', 'get_default_dtype', 'is_tensor'}


# Names that mean nothing in TypeScript or belong to areas left out above, with why.
NOT_APPLICABLE = {
    'from_numpy': 'NumPy interop', 'numpy': 'NumPy interop', 'from_dlpack': 'DLPack interop',
    'to_dlpack': 'DLPack interop', 'from_file': 'memory-mapped files (Node fs; not portable to browsers)',
    'as_subclass': 'Python subclassing', 'reinforce': 'removed in PyTorch 0.4', 'volatile': 'removed in PyTorch 0.4',
    'new': 'legacy constructor', 'name': 'named tensors', 'is_distributed': 'torch.distributed',
    'spmm': 'sparse', 'to_dense': 'sparse', 'dense_dim': 'sparse', 'SparseAdam': 'sparse gradients',
    'DataParallel': 'multi-GPU (CUDA)', 'SyncBatchNorm': 'torch.distributed', 'Container': 'deprecated since 0.4',
    'classproperty': 'Python internals', 'candidate': 'Python internals', 'obj': 'Python internals',
    'conv_tbc': 'internal Caffe2 layout', 'assert_int_or_pair': 'internal helper',
    'char': 'int8 dtype (not stored; see the dtypes issue)', 'matrix_rank': 'torch.linalg (dtypes/linalg issue)',
    'solve': 'torch.linalg (dtypes/linalg issue)',
    'eig': 'removed in PyTorch 2.x (torch.linalg.eig)', 'symeig': 'removed in PyTorch 2.x (torch.linalg.eigh)',
    'lstsq': 'removed in PyTorch 2.x (torch.linalg.lstsq)',
}


def keep(name):
    if name in NOT_APPLICABLE:
        return False
    if name.startswith('_') or name.endswith('_backward'):
        return False
    low = name.lower()
    return not any(p in low for p in EXCLUDE_PARTS)


def torch_names():
    out = set()
    for n in dir(torch):
        obj = getattr(torch, n)
        if not keep(n) or n in TORCH_EXTRA_EXCLUDE or inspect.ismodule(obj) or inspect.isclass(obj):
            continue
        mod = getattr(obj, '__module__', None) or ''
        if callable(obj) and (mod.startswith('torch') or mod == '' or type(obj).__name__ == 'builtin_function_or_method'):
            out.add(n)
    # Those the exclusions above drop but users call as torch.*: functional forms
    # that nn.functional offers are counted there instead.
    out |= {'get_default_dtype', 'is_tensor', 'broadcast_shapes', 'is_floating_point', 'is_nonzero'}
    return sorted(out)


def tensor_names():
    out = set()
    for n in dir(torch.Tensor):
        if not keep(n) or n in {'new', 'type_as', 'is_leaf', 'grad_fn', 'data', 'T', 'H', 'mT', 'mH'} and False:
            continue
        out.add(n)
    return sorted(out)


def functional_names():
    return sorted(n for n in dir(F) if keep(n) and callable(getattr(F, n)) and not inspect.isclass(getattr(F, n))
                  and getattr(getattr(F, n), '__module__', '') in ('torch.nn.functional', 'torch._C._nn', None, 'torch'))


def module_names():
    return sorted(n for n in dir(nn) if inspect.isclass(getattr(nn, n)) and keep(n)
                  and issubclass(getattr(nn, n), nn.Module) and n not in {'Module'} )


def optim_names():
    return sorted(n for n in dir(optim) if inspect.isclass(getattr(optim, n)) and n != 'Optimizer' and keep(n)
                  and issubclass(getattr(optim, n), optim.Optimizer))


def namespace_names(mod):
    """The public functions of torch.linalg / torch.fft / torch.special (not the doc strings or re-exported modules)."""
    return sorted(n for n in dir(mod) if not n.startswith('_') and callable(getattr(mod, n))
                  and not inspect.isclass(getattr(mod, n)) and not inspect.ismodule(getattr(mod, n)))


data = {'torch': torch_names(), 'Tensor': tensor_names(), 'nn.functional': functional_names(), 'nn': module_names(),
        'optim': optim_names(), 'linalg': namespace_names(torch.linalg), 'fft': namespace_names(torch.fft),
        'special': namespace_names(torch.special), 'not_applicable': NOT_APPLICABLE}
with open(os.path.join(HERE, 'pytorch-names.json'), 'w') as f:
    json.dump(data, f, indent=1)
    f.write('\n')
print({k: len(v) for k, v in data.items() if isinstance(v, list)})
