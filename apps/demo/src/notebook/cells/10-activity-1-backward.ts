// Backpropagation: how much the output changes with each weight and bias.
output.backward();

print(W1.grad);
print(W2.grad);
print(B1.grad);
print(B2.grad);
