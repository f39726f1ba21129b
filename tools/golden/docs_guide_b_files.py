"""Writes the PyTorch checkpoint that apps/docs/guide/saving-loading.md loads in Node:
apps/docs/public/examples/linear_by_pytorch.pt, a seeded nn.Linear(3, 2)'s state dict saved
by PyTorch 1.13 (the page shows this program; VitePress serves the file at /examples/).

Run: cd tools/golden && /usr/bin/python3 docs_guide_b_files.py
"""
import os

import torch

from _common import ROOT

torch.manual_seed(0)
model = torch.nn.Linear(3, 2)
path = os.path.join(ROOT, 'apps', 'docs', 'public', 'examples', 'linear_by_pytorch.pt')
os.makedirs(os.path.dirname(path), exist_ok=True)
torch.save(model.state_dict(), path)
print(f'wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path)} bytes)')
