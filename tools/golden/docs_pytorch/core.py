"""PyTorch programs for the TSDoc @example blocks of packages/core (ids start with `core.`)."""

EXAMPLES = {
    'core.sum': '''
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(torch.sum(x))
print(torch.sum(x, 1, keepdim=True))
print(x.sum([0, -1]))
''',
}
