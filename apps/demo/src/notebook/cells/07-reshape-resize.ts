print(weights.reshape(5, 1)); // same data, new shape (copied only when it has to be)
print(weights.view(5, 1)); // same memory, new shape (never copies)

const grown = weights.clone();
grown.resize_(5, 1); // in place: the tensor itself changes shape
print(grown);

const shrunk = weights.clone();
shrunk.resize_(2, 2); // fewer elements: the rest of the storage is no longer shown
print(shrunk);
