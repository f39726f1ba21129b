print(weights.shape);
// view(5, 1) reads the same five weights as a column: (1 × 5) · (5 × 1) gives (1 × 1).
y = activation(torch.mm(features, weights.view(5, 1)).add(bias));
print(y);
