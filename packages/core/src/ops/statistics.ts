/**
 * statistics ops (see the catalogue rows in `catalogue/statistics.ts`).
 */
export {};
