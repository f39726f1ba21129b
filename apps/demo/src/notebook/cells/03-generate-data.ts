torch.manualSeed(7); // a fixed seed makes every number below reproducible

// Five inputs, drawn from a normal distribution (mean 0, standard deviation 1).
const features = torch.randn([1, 5]);
print(features);
// One weight per input: same shape as `features`.
const weights = torch.randnLike(features);
print(weights);
// And a single bias value.
const bias = torch.randn([1, 1]);
