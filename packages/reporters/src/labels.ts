/**
 * Labels for values that come from data (a class id, a status, an entitlement type): the catalogue
 * text when there is one, else the value itself, so a class or rule family a policy invents still
 * prints.
 */
import type { EntitlementPosition, EntitlementType, Locale, ProblemSeverity, Severity } from '@zhengban/core';
import { hasMessage, t } from './messages.js';
import type { EffectiveStatus } from './report-view.js';

function labelOr(key: string, fallback: string, locale: Locale): string {
  return hasMessage(key) ? t(key, locale) : fallback;
}

export function classLabel(name: string, locale: Locale): string {
  return labelOr(`class.${name}`, name, locale);
}

/** A catalogue product's licence model (commercial, freeware, …). */
export function licenceModelLabel(model: string, locale: Locale): string {
  return labelOr(`licence.${model}`, model, locale);
}

export function statusLabel(status: EffectiveStatus, locale: Locale): string {
  return labelOr(`status.${status}`, status, locale);
}

export function severityLabel(severity: Severity, locale: Locale): string {
  return labelOr(`severity.${severity}`, severity, locale);
}

export function entitlementTypeLabel(type: EntitlementType, locale: Locale): string {
  return labelOr(`type.${type}`, type, locale);
}

export function positionStatusLabel(status: EntitlementPosition['status'], locale: Locale): string {
  return labelOr(`position.${status}`, status, locale);
}

export function problemSeverityLabel(severity: ProblemSeverity, locale: Locale): string {
  return labelOr(`problemSeverity.${severity}`, severity, locale);
}
