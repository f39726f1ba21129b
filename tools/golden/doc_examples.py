"""What PyTorch prints for the docs' examples that carry a `pytorch=<id>` marker.

Every ```ts example in the guide pages (apps/docs/**/*.md) and in TSDoc @example blocks can name,
in its fence's info string, the PyTorch program that prints the same text: ```ts pytorch=core.add.
The programs live in tools/golden/docs_pytorch/*.py, each file defining
    EXAMPLES = {'<id>': '''python source''', ...}
(ids are unique over all files; prefix them with the file's name). Each program runs on its own,
with `torch`, `nn` (torch.nn) and `F` (torch.nn.functional) in scope and the default dtype and
print options reset, and what it prints is its expected output.

apps/docs/test/doctest-pytorch.test.ts then checks that each marked example shows exactly that text
(and the doctests check the example prints what it shows), so a shown output is PyTorch's output.

Writes apps/docs/doctest/fixtures/pytorch-outputs.json: { id: stdout }.
"""
import contextlib
import glob
import io
import os
import runpy

import torch

from _common import ROOT, write_json

HERE = os.path.dirname(os.path.abspath(__file__))


def run_program(key, source):
    torch.set_default_dtype(torch.float32)
    torch.set_printoptions(profile='default')
    torch.manual_seed(0)
    scope = {'torch': torch, 'nn': torch.nn, 'F': torch.nn.functional}
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(source, f'<{key}>', 'exec'), scope)
    return buf.getvalue()


out = {}
for path in sorted(glob.glob(os.path.join(HERE, 'docs_pytorch', '*.py'))):
    for key, source in runpy.run_path(path)['EXAMPLES'].items():
        if key in out:
            raise SystemExit(f'{path}: id {key} is already defined')
        out[key] = run_program(key, source)

write_json('apps/docs/doctest/fixtures/pytorch-outputs.json', dict(sorted(out.items())))
