/** Returns 1: lets the loader check that the module runs. */
export function probe(): i32 {
  return 1;
}
