// The kinds of market event (zod-free, so that readers of the calendar need not load the schemas).
export const EVENT_KINDS = ['policy', 'index', 'market', 'regulation', 'macro', 'corporate', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
