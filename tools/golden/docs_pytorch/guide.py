"""PyTorch programs for the guide pages' examples (apps/docs/guide, apps/docs/tutorial)."""

EXAMPLES = {
    'guide.first-tensor': '''
torch.manual_seed(7)
x = torch.randn(1, 5)
print(x)
''',
}
