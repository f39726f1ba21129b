// What a Playground run is made of: its choices and their defaults. No antorcha import here,
// so the page (which only shows controls) does not load the library; the worker does.

/** The 2-D data sets the playground offers. */
export const DATASETS = ['spirals', 'circles', 'xor', 'moons'] as const;
/** One of {@link DATASETS}. */
export type DatasetName = (typeof DATASETS)[number];
/** The hidden layers' activations the playground offers (`torch.nn` module names in lower case). */
export const ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'gelu'] as const;
/** One of {@link ACTIVATIONS}. */
export type ActivationName = (typeof ACTIVATIONS)[number];
/** The optimizers the playground offers. */
export const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'] as const;
/** One of {@link OPTIMIZERS}. */
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Everything that decides a training run: same config, same numbers. */
export interface PlaygroundConfig {
  dataset: DatasetName;
  /** Number of hidden layers (1–4). */
  layers: number;
  /** Units per hidden layer (1–64). */
  width: number;
  activation: ActivationName;
  optimizer: OptimizerName;
  lr: number;
  /** Seeds the data set's generator and the model's initial weights. */
  seed: number;
  /** Points per data set (half of each class). */
  points: number;
  /** Standard deviation of the Gaussian noise added to each point. */
  noise: number;
}

/** The playground's starting configuration. */
export const DEFAULT_CONFIG: PlaygroundConfig = {
  dataset: 'spirals',
  layers: 2,
  width: 16,
  activation: 'tanh',
  optimizer: 'adam',
  lr: 0.03,
  seed: 7,
  points: 200,
  noise: 0.05,
};
