/** Colours given to new zones in turn (Tableau 10: distinct, and none of them the coverage classes' reds and blues). */
export const ZONE_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
