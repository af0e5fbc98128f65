/**
 * Activation facts (licence status, KMS host, channel) as the store keeps them: most installations
 * have none and share NO_ACTIVATION; the others get small lists that, once a host has been read,
 * are frozen and shared per combination (ActivationPool) — and copied again (writable) if the host
 * arrives once more with new facts.
 */
import type { LicenseStatus, RecordAttributes } from '../model.js';
import type { Activation } from './model/activation.js';

export type { Activation } from './model/activation.js';

/**
 * `list` with `value` added when new and present. An empty list is replaced by a one-element
 * literal: an array grown from empty by push reserves 17 slots, and a host keeps several.
 */
export function withUnique<T>(list: T[], value: T | undefined): T[] {
  if (value === undefined || value === '' || list.includes(value)) return list;
  if (list.length === 0) return [value];
  list.push(value);
  return list;
}

/** Adds the activation facts a record's attributes hold (as `strings` keeps them: owned copies). */
export function noteActivation(
  activation: Activation,
  attributes: RecordAttributes | undefined,
  strings: { get(text: string): string },
): void {
  if (!attributes) return;
  const status = attributes.licenseStatus;
  if (status !== undefined && (status as string) !== '' && !activation.statuses.includes(status))
    activation.statuses = withUnique(activation.statuses, strings.get(status) as LicenseStatus);
  if (typeof attributes.kmsHost === 'string') {
    const kms = attributes.kmsHost.trim();
    if (kms !== '' && !activation.kmsHosts.includes(kms))
      activation.kmsHosts = withUnique(activation.kmsHosts, strings.get(kms));
  }
  if (typeof attributes.channel === 'string' && attributes.channel !== '') {
    if (!activation.channels.includes(attributes.channel))
      activation.channels = withUnique(activation.channels, strings.get(attributes.channel));
  }
}

export const newActivation = (): Activation => ({ statuses: [], kmsHosts: [], channels: [] });

/**
 * The activation of installations whose records carried no activation facts (most of them): one
 * shared, frozen object instead of an object and three arrays per installation.
 */
export const NO_ACTIVATION: Activation = Object.freeze({
  statuses: Object.freeze([]) as unknown as LicenseStatus[],
  kmsHosts: Object.freeze([]) as unknown as string[],
  channels: Object.freeze([]) as unknown as string[],
});

/** True when a record's attributes say anything about activation. */
export const hasActivation = (attributes: RecordAttributes | undefined): boolean =>
  attributes !== undefined &&
  ((attributes.licenseStatus !== undefined && (attributes.licenseStatus as string) !== '') ||
    (typeof attributes.kmsHost === 'string' && attributes.kmsHost.trim() !== '') ||
    (typeof attributes.channel === 'string' && attributes.channel !== ''));

/**
 * True for an activation several installations or hosts point at (NO_ACTIVATION, or one the pool
 * handed out): it must be copied before anything is added. The pool freezes what it shares, so
 * being frozen is what marks it, and adding to one by mistake throws instead of changing others.
 */
export const isShared = (activation: Activation): boolean => Object.isFrozen(activation);

/** `activation` itself, or a copy to add to when it is shared. */
export function writable(activation: Activation): Activation {
  if (!isShared(activation)) return activation;
  return {
    statuses: [...activation.statuses],
    kmsHosts: [...activation.kmsHosts],
    channels: [...activation.channels],
  };
}

/** One frozen object per combination of facts (hosts share them). */
export class ActivationPool {
  private readonly pool = new Map<string, Activation>();

  shared(activation: Activation): Activation {
    if (isShared(activation)) return activation;
    const key = JSON.stringify([activation.statuses, activation.kmsHosts, activation.channels]);
    const shared = this.pool.get(key);
    if (shared) return shared;
    Object.freeze(activation.statuses);
    Object.freeze(activation.kmsHosts);
    Object.freeze(activation.channels);
    this.pool.set(key, Object.freeze(activation));
    return activation;
  }
}
