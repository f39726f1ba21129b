torch.manualSeed(7);

// The data: one sample with three input variables.
const features = torch.randn(1, 3);

// Weights: input → hidden layer (3 × 2), hidden layer → output (2).
const W1 = torch.randn([3, 2], { requiresGrad: true });
const W2 = torch.randn([2], { requiresGrad: true });

// Biases of the hidden layer (2) and of the output (a scalar).
const B1 = torch.randn([2], { requiresGrad: true });
const B2 = torch.randn([], { requiresGrad: true });

print(`Atributos:\n${features}\n\n`);
print(`Vector de pesos capa de entrada:\n${W1}\n\n`);
print(`Vector de pesos capa oculta:\n${W2}\n\n`);
print(`Vector de bias para capa oculta:\n${B1}\n\n`);
print(`Vector de bias para capa de salida:\n${B2}\n\n`);
