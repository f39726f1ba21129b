/**
 * structure ops (see the catalogue rows in `catalogue/structure.ts`).
 */
export {};
