/** The sigmoid activation, written out: 1 / (1 + e^(-x)). */
function activation(x: Tensor): Tensor {
  return torch.div(1, torch.add(1, torch.exp(torch.neg(x))));
}
