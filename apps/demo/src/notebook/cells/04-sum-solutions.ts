// Solution 1: multiply element by element, add everything up, add the bias, activate.
let y = activation(torch.add(torch.sum(torch.mul(features, weights)), bias));
print(y);
// Solution 2: the same computation with tensor methods.
y = activation(features.mul(weights).sum().add(bias));
print(y);
