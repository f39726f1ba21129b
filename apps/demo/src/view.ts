/**
 * The contract between the app shell and its views ("Notebook", "Playground", "Benchmarks"):
 * each view module exports `mount`, which renders into `root` and returns a function that
 * stops its work (timers, workers, devices) and removes what it added.
 */
export type MountView = (root: HTMLElement) => () => void;
