/** See `cdn-graph.mjs`. */
export function cdnGraph(root: string, entry: string, options?: { lazy?: boolean }): string[];
