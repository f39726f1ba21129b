// The messages between the Playground page and its training worker.
import type { PlaygroundConfig } from './config.js';

/** Devices the playground trains on. */
export type DeviceName = 'cpu' | 'webgpu';

/** Side length of the heat map's prediction grid, and the square [−EXTENT, EXTENT]² it covers. */
export const GRID = 48;
/** Half the side of the square the heat map shows. */
export const EXTENT = 1.5;

/** Page → worker. */
export type ToWorker =
  /** Builds data, model and optimizer for `config` on `device` (a fresh start). */
  | { type: 'reset'; config: PlaygroundConfig; device: DeviceName; generation: number }
  /** Trains until paused, or until `stopAt` steps when it is a number. */
  | { type: 'train'; stopAt: number | null }
  | { type: 'pause' }
  /** Changes optimizer and learning rate without touching the weights. */
  | { type: 'optimizer'; optimizer: PlaygroundConfig['optimizer']; lr: number }
  | { type: 'export' }
  | { type: 'import'; name: string; bytes: Uint8Array };

/** The model's state after some steps: what the page draws. */
export interface Progress {
  type: 'progress';
  /** The `generation` of the reset this model comes from (the page drops reports of older ones). */
  generation: number;
  step: number;
  /** Loss at the last step (before its update), or on the whole data set after a reset/import. */
  loss: number;
  /** Losses of the steps since the last message, in order (empty after a reset/import). */
  losses: number[];
  /** Fraction of the data set classified correctly. */
  accuracy: number;
  /** Steps per second over the last chunk, or null when not training. */
  stepsPerSecond: number | null;
  /** Probability of class 1 on the GRID×GRID grid, row by row from the top. */
  grid: Float32Array;
  running: boolean;
}

/** Worker → page. */
export type FromWorker =
  | { type: 'ready'; generation: number; device: DeviceName; x: Float32Array; y: Float32Array }
  | Progress
  | { type: 'exported'; bytes: Uint8Array }
  | { type: 'imported'; name: string }
  /** `where` says which request failed; the page shows `message` as it is. */
  | { type: 'error'; where: 'reset' | 'train' | 'export' | 'import' | 'optimizer'; message: string };
