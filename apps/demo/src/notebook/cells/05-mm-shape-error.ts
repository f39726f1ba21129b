// A matrix product of (1 × 5) by (1 × 5): the inner sizes (5 and 1) do not match.
torch.mm(features, weights);
