/**
 * `torch.utils.data`: datasets, samplers and the data loader.
 * @packageDocumentation
 */
export { Dataset, TensorDataset, Subset, randomSplit } from './dataset.js';
export { Sampler, SequentialSampler, RandomSampler, BatchSampler, drawInt64Seed, type Sized, type RandomSamplerOptions } from './sampler.js';
export { DataLoader, defaultCollate, type Collated, type DataLoaderOptions } from './dataloader.js';
