// Role colours: each role has a strong colour (stroke, text) and a light tint (fill), readable on
// a projector and distinguishable without colour thanks to the role word written inside the node.
import type { ServerRole } from '../../engine/sim/trace';

export interface RoleStyle {
  strong: string;
  tint: string;
}

export const ROLE_STYLES: Record<ServerRole, RoleStyle> = {
  LOOKING: { strong: '#b45309', tint: '#fef3c7' },
  FOLLOWING: { strong: '#1d4ed8', tint: '#dbeafe' },
  LEADING: { strong: '#15803d', tint: '#dcfce7' },
  OBSERVING: { strong: '#0e7490', tint: '#cffafe' },
  DOWN: { strong: '#6b7280', tint: '#e5e7eb' },
};

const UNKNOWN: RoleStyle = { strong: '#374151', tint: '#f3f4f6' };

/** The style of a role (a role the UI does not know yet gets a neutral one). */
export function roleStyle(role: string): RoleStyle {
  return (ROLE_STYLES as Record<string, RoleStyle>)[role] ?? UNKNOWN;
}

/** A role's colours as CSS values: the theme's variables, falling back to the light colours. */
export function roleStyleVars(role: string): RoleStyle {
  const known = (ROLE_STYLES as Record<string, RoleStyle>)[role];
  if (!known) return UNKNOWN;
  const name = role.toLowerCase();
  return { strong: `var(--role-${name}, ${known.strong})`, tint: `var(--role-${name}-tint, ${known.tint})` };
}

/** Soft background colours for partition groups (group 1, group 2, …). */
/** Chosen away from the role tints, so a group never looks like a role. */
export const GROUP_TINTS = ['#ede9fe', '#fce7f3', '#e2e8f0', '#ffedd5', '#ecfccb', '#f5d0fe'];
