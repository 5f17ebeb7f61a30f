/** How units are compared in a ranking: a module of its own, so the pane reads it without the engine. */
export const TIER_MODES = ['groups', 'all', 'top'] as const;
export type TierMode = (typeof TIER_MODES)[number];
