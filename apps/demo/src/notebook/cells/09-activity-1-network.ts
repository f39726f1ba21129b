// Hidden layer, then output layer: each one a matrix product, a bias and an activation.
const h1 = activation(torch.mm(features, W1).add(B1));
const output = torch.sigmoid(h1.matmul(W2).add(B2));

print(`Vector de outputs capa oculta:\n${h1}`);
print(`Resultado final:\n${output}\n\n`);
