"""Golden optimizer and learning-rate scheduler cases from real PyTorch (1.13).

Run with Debian's PyTorch: `/usr/bin/python3 tools/golden/nn_optim.py`.
Writes packages/nn/test/fixtures/nn_optim.json:
- `optimizers`: each optimizer (single-tensor implementation, `foreach=False`)
  with its options on two parameters (float64 and float32 variants, the second
  parameter in its own group where the case says so), driven by given random
  gradients for 6 steps (the second parameter has no gradient at step 2): the
  parameters after every step and the final optimizer state;
- `state_dicts`: `optimizer.state_dict()` after 2 steps (keys, group options);
- `schedulers`: learning rates (and momentum/betas) after construction and after
  each of 30 `optimizer.step(); scheduler.step()` rounds.
"""
import torch
from torch import optim

from _common import enc_result, write_json

torch.manual_seed(0)
STEPS = 6

OPT = [
    ('sgd', optim.SGD, {'lr': 0.1}, {'lr': 0.1}),
    ('sgd_momentum', optim.SGD, {'lr': 0.05, 'momentum': 0.9}, {'lr': 0.05, 'momentum': 0.9}),
    ('sgd_nesterov_wd', optim.SGD, {'lr': 0.05, 'momentum': 0.8, 'nesterov': True, 'weight_decay': 0.01}, {'lr': 0.05, 'momentum': 0.8, 'nesterov': True, 'weightDecay': 0.01}),
    ('sgd_dampening_maximize', optim.SGD, {'lr': 0.02, 'momentum': 0.5, 'dampening': 0.3, 'maximize': True}, {'lr': 0.02, 'momentum': 0.5, 'dampening': 0.3, 'maximize': True}),
    ('adam', optim.Adam, {'lr': 0.01}, {'lr': 0.01}),
    ('adam_wd_amsgrad', optim.Adam, {'lr': 0.02, 'betas': (0.8, 0.9), 'eps': 1e-6, 'weight_decay': 0.1, 'amsgrad': True}, {'lr': 0.02, 'betas': [0.8, 0.9], 'eps': 1e-6, 'weightDecay': 0.1, 'amsgrad': True}),
    ('adam_maximize', optim.Adam, {'lr': 0.01, 'maximize': True}, {'lr': 0.01, 'maximize': True}),
    ('adamw', optim.AdamW, {'lr': 0.01}, {'lr': 0.01}),
    ('adamw_amsgrad', optim.AdamW, {'lr': 0.03, 'weight_decay': 0.2, 'amsgrad': True}, {'lr': 0.03, 'weightDecay': 0.2, 'amsgrad': True}),
    ('rmsprop', optim.RMSprop, {'lr': 0.01}, {'lr': 0.01}),
    ('rmsprop_centered_momentum_wd', optim.RMSprop, {'lr': 0.01, 'alpha': 0.9, 'momentum': 0.5, 'centered': True, 'weight_decay': 0.05}, {'lr': 0.01, 'alpha': 0.9, 'momentum': 0.5, 'centered': True, 'weightDecay': 0.05}),
    ('adagrad', optim.Adagrad, {'lr': 0.1}, {'lr': 0.1}),
    ('adagrad_decay_init', optim.Adagrad, {'lr': 0.1, 'lr_decay': 0.05, 'initial_accumulator_value': 0.2, 'weight_decay': 0.01}, {'lr': 0.1, 'lrDecay': 0.05, 'initialAccumulatorValue': 0.2, 'weightDecay': 0.01}),
    ('adamax', optim.Adamax, {'lr': 0.01}, {'lr': 0.01}),
    ('adamax_wd_maximize', optim.Adamax, {'lr': 0.02, 'betas': (0.8, 0.95), 'weight_decay': 0.1, 'maximize': True}, {'lr': 0.02, 'betas': [0.8, 0.95], 'weightDecay': 0.1, 'maximize': True}),
    ('nadam', optim.NAdam, {'lr': 0.01}, {'lr': 0.01}),
    ('nadam_wd_decay', optim.NAdam, {'lr': 0.02, 'weight_decay': 0.05, 'momentum_decay': 0.01}, {'lr': 0.02, 'weightDecay': 0.05, 'momentumDecay': 0.01}),
    ('radam', optim.RAdam, {'lr': 0.01}, {'lr': 0.01}),
    ('radam_rectified_wd', optim.RAdam, {'lr': 0.02, 'betas': (0.9, 0.99), 'weight_decay': 0.1}, {'lr': 0.02, 'betas': [0.9, 0.99], 'weightDecay': 0.1}),
    ('rprop', optim.Rprop, {'lr': 0.01}, {'lr': 0.01}),
    ('rprop_etas_maximize', optim.Rprop, {'lr': 0.05, 'etas': (0.3, 1.5), 'step_sizes': (1e-3, 0.2), 'maximize': True},
     {'lr': 0.05, 'etas': [0.3, 1.5], 'stepSizes': [1e-3, 0.2], 'maximize': True}),
    ('asgd', optim.ASGD, {'lr': 0.05}, {'lr': 0.05}),
    ('asgd_t0_wd', optim.ASGD, {'lr': 0.05, 'lambd': 0.01, 'alpha': 0.5, 't0': 2, 'weight_decay': 0.1}, {'lr': 0.05, 'lambd': 0.01, 'alpha': 0.5, 't0': 2, 'weightDecay': 0.1}),
    ('adadelta', optim.Adadelta, {'lr': 1.0}, {'lr': 1.0}),
    ('adadelta_wd_maximize', optim.Adadelta, {'lr': 0.5, 'rho': 0.8, 'eps': 1e-5, 'weight_decay': 0.1, 'maximize': True}, {'lr': 0.5, 'rho': 0.8, 'eps': 1e-5, 'weightDecay': 0.1, 'maximize': True}),
]


def run_opt(name, cls, kwargs, ts_opts, dtype, groups):
    g = torch.Generator().manual_seed(sum(map(ord, name)) + (0 if dtype == torch.float64 else 1))
    p1 = torch.randn(3, 4, dtype=dtype, generator=g).requires_grad_()
    p2 = torch.randn(5, dtype=dtype, generator=g).requires_grad_()
    init = [enc_result(p1), enc_result(p2)]
    if groups:
        params = [{'params': [p1]}, {'params': [p2], 'lr': kwargs['lr'] * 0.5}]
    else:
        params = [p1, p2]
    opt = cls(params, **kwargs, foreach=False)
    steps = []
    for k in range(STEPS):
        opt.zero_grad(set_to_none=True)
        g1 = torch.randn(3, 4, dtype=dtype, generator=g)
        g2 = torch.randn(5, dtype=dtype, generator=g)
        p1.grad = g1.clone()
        if k != 2:
            p2.grad = g2.clone()
        opt.step()
        steps.append({'grads': [enc_result(g1), None if k == 2 else enc_result(g2)], 'params': [enc_result(p1), enc_result(p2)]})
    state = {}
    for i, p in enumerate([p1, p2]):
        state[str(i)] = {k: (enc_result(v) if isinstance(v, torch.Tensor) else v) for k, v in opt.state[p].items()}
    return {'name': name, 'dtype': str(dtype).replace('torch.', ''), 'groups': groups, 'opts': ts_opts, 'init': init, 'steps': steps, 'state': state}


def state_dict_case(name, cls, kwargs, ts_opts):
    p1 = torch.zeros(2, requires_grad=True)
    p2 = torch.zeros(3, requires_grad=True)
    kw = dict(kwargs)
    kw['foreach'] = False
    opt = cls([{'params': [p1]}, {'params': [p2], 'lr': 0.5}], **kw)
    for _ in range(2):
        p1.grad = torch.ones(2)
        p2.grad = torch.full((3,), 2.0)
        opt.step()
    sd = opt.state_dict()
    groups = [{k: (list(v) if isinstance(v, tuple) else v) for k, v in grp.items()} for grp in sd['param_groups']]
    state = {str(k): {kk: (enc_result(vv) if isinstance(vv, torch.Tensor) else vv) for kk, vv in v.items()} for k, v in sd['state'].items()}
    return {'name': name, 'opts': ts_opts, 'param_groups': groups, 'state': state}


SCHED = [
    ('step_lr', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.StepLR(o, step_size=4, gamma=0.5), {'stepSize': 4, 'gamma': 0.5}),
    ('multi_step_lr', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.MultiStepLR(o, milestones=[3, 7, 7, 20], gamma=0.3), {'milestones': [3, 7, 7, 20], 'gamma': 0.3}),
    ('exponential_lr', optim.SGD, {'lr': 0.2}, lambda o: optim.lr_scheduler.ExponentialLR(o, gamma=0.9), {'gamma': 0.9}),
    ('cosine_lr', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.CosineAnnealingLR(o, T_max=10, eta_min=0.001), {'tMax': 10, 'etaMin': 0.001}),
    ('cosine_lr_default', optim.Adam, {'lr': 0.01}, lambda o: optim.lr_scheduler.CosineAnnealingLR(o, T_max=7), {'tMax': 7}),
    ('linear_lr', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=8), {'startFactor': 0.25, 'endFactor': 1.0, 'totalIters': 8}),
    ('linear_lr_default', optim.SGD, {'lr': 0.3}, lambda o: optim.lr_scheduler.LinearLR(o), {}),
    ('one_cycle_sgd', optim.SGD, {'lr': 0.1, 'momentum': 0.9}, lambda o: optim.lr_scheduler.OneCycleLR(o, max_lr=0.5, total_steps=31), {'maxLr': 0.5, 'totalSteps': 31}),
    ('lambda_lr', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.LambdaLR(o, lambda e: 1.0 / (1 + e)), {}),
    ('multiplicative_lr', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.MultiplicativeLR(o, lambda e: 0.9), {}),
    ('constant_lr', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.ConstantLR(o, factor=0.5, total_iters=4), {'factor': 0.5, 'totalIters': 4}),
    ('constant_lr_default', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.ConstantLR(o), {}),
    ('polynomial_lr', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.PolynomialLR(o, total_iters=6, power=2.0), {'totalIters': 6, 'power': 2.0}),
    ('polynomial_lr_default', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.PolynomialLR(o), {}),
    ('warm_restarts', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2, eta_min=0.01), {'t0': 5, 'tMult': 2, 'etaMin': 0.01}),
    ('warm_restarts_default', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=4), {'t0': 4}),
    ('sequential_warmup_cosine', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.SequentialLR(
        o, [optim.lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=5), optim.lr_scheduler.CosineAnnealingLR(o, T_max=10)], milestones=[5]), {}),
    ('sequential_three', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.SequentialLR(
        o, [optim.lr_scheduler.ConstantLR(o, factor=0.5, total_iters=3), optim.lr_scheduler.StepLR(o, step_size=2, gamma=0.5),
            optim.lr_scheduler.ExponentialLR(o, gamma=0.9)], milestones=[4, 9]), {}),
    ('sequential_poly_multistep', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.SequentialLR(
        o, [optim.lr_scheduler.PolynomialLR(o, total_iters=4, power=2.0), optim.lr_scheduler.MultiStepLR(o, [2, 5, 5], 0.5)], milestones=[3]), {}),
    ('chained', optim.SGD, {'lr': 0.1}, lambda o: optim.lr_scheduler.ChainedScheduler(
        [optim.lr_scheduler.ConstantLR(o, factor=0.1, total_iters=2), optim.lr_scheduler.ExponentialLR(o, gamma=0.9)]), {}),
    ('cyclic_triangular', optim.SGD, {'lr': 0.1, 'momentum': 0.9}, lambda o: optim.lr_scheduler.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=4),
     {'baseLr': 0.01, 'maxLr': 0.1, 'stepSizeUp': 4}),
    ('cyclic_triangular2_down', optim.SGD, {'lr': 0.1, 'momentum': 0.9}, lambda o: optim.lr_scheduler.CyclicLR(o, 0.01, 0.1, step_size_up=3, step_size_down=5, mode='triangular2'),
     {'baseLr': 0.01, 'maxLr': 0.1, 'stepSizeUp': 3, 'stepSizeDown': 5, 'mode': 'triangular2'}),
    ('cyclic_exp_range', optim.Adam, {'lr': 0.01}, lambda o: optim.lr_scheduler.CyclicLR(o, 0.001, 0.01, step_size_up=5, mode='exp_range', gamma=0.9, cycle_momentum=False),
     {'baseLr': 0.001, 'maxLr': 0.01, 'stepSizeUp': 5, 'mode': 'exp_range', 'gamma': 0.9, 'cycleMomentum': False}),
    ('one_cycle_adam_linear_3phase', optim.Adam, {'lr': 0.01}, lambda o: optim.lr_scheduler.OneCycleLR(o, max_lr=0.02, epochs=3, steps_per_epoch=11, anneal_strategy='linear', three_phase=True, pct_start=0.25), {'maxLr': 0.02, 'epochs': 3, 'stepsPerEpoch': 11, 'annealStrategy': 'linear', 'threePhase': True, 'pctStart': 0.25}),
]


def run_sched(name, cls, okw, make, ts_opts):
    p = torch.zeros(2, requires_grad=True)
    opt = cls([p], **okw)
    sched = make(opt)

    def snap():
        grp = opt.param_groups[0]
        e = {'lr': grp['lr']}
        if 'momentum' in grp:
            e['momentum'] = grp['momentum']
        if 'betas' in grp:
            e['betas'] = list(grp['betas'])
        return e

    seq = [snap()]
    for _ in range(30):
        p.grad = torch.zeros(2)
        opt.step()
        try:
            sched.step()
        except ValueError:
            break
        seq.append(snap())
    return {'name': name, 'optimizer': cls.__name__, 'optimizer_opts': okw, 'opts': ts_opts, 'sequence': seq, 'last_lr': sched.get_last_lr()}


PLATEAU_METRICS = [1.0, 0.9, 0.95, 0.95, 0.95, 0.89, 0.9, 0.9, 0.9, 0.9, 0.9, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
PLATEAU = [
    ('plateau_min', {'patience': 2}, {'patience': 2}),
    ('plateau_max_abs_cooldown', {'mode': 'max', 'patience': 1, 'threshold': 0.05, 'threshold_mode': 'abs', 'cooldown': 2, 'factor': 0.5},
     {'mode': 'max', 'patience': 1, 'threshold': 0.05, 'thresholdMode': 'abs', 'cooldown': 2, 'factor': 0.5}),
    ('plateau_min_lr', {'patience': 0, 'factor': 0.2, 'min_lr': 0.003}, {'patience': 0, 'factor': 0.2, 'minLr': 0.003}),
]


def run_plateau(name, kw, ts_opts):
    p = torch.zeros(2, requires_grad=True)
    opt = optim.SGD([p], lr=0.1)
    sched = optim.lr_scheduler.ReduceLROnPlateau(opt, **kw)
    lrs = []
    for m in PLATEAU_METRICS:
        sched.step(m)
        lrs.append(opt.param_groups[0]['lr'])
    return {'name': name, 'opts': ts_opts, 'metrics': PLATEAU_METRICS, 'lrs': lrs}


def main():
    opts = []
    for name, cls, kw, ts in OPT:
        for dtype in (torch.float64, torch.float32):
            opts.append(run_opt(name, cls, kw, ts, dtype, groups=False))
        opts.append(run_opt(name + '_groups', cls, kw, ts, torch.float64, groups=True))
    sds = [state_dict_case(n, c, kw, ts) for n, c, kw, ts in OPT if n in ('sgd_momentum', 'adam', 'adamw_amsgrad', 'rmsprop_centered_momentum_wd', 'adagrad')]
    write_json('packages/nn/test/fixtures/nn_optim.json', {
        'optimizers': opts,
        'state_dicts': sds,
        'schedulers': [run_sched(*s) for s in SCHED],
        'plateau': [run_plateau(*c) for c in PLATEAU],
    })


if __name__ == '__main__':
    main()
