export const ROLES = ['admin', 'investigator', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
