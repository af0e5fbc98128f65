/** Types of fleet-policy.mjs, for the TypeScript tests that audit a generated fleet. */
import type { Fleet } from './fleet.mjs';

export const AS_OF: string;
export function fleetPolicy(fleet: Fleet, options?: { rules?: number }): string;
export function customRules(count: number): Array<Record<string, unknown>>;
