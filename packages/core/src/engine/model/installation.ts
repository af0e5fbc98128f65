/**
 * One product installed on one computer, as judging sees it: one per installation key (product,
 * version, edition) and host, whatever the number of records that told of it.
 */
import type { Evidence, Product } from '../../model.js';
import type { Activation } from './activation.js';
import type { SoftwareRef } from './software-ref.js';

export interface InstallationState {
  product: Product;
  version?: string;
  edition?: string;
  /** The installation as read (the smallest spelling when several records merged). */
  software: SoftwareRef;
  evidence: Evidence[];
  /** How it was recognised, for the trace. */
  recognition: string;
  activation: Activation;
  os: boolean;
  /**
   * installationKey(product.id, version, edition), when the store made it (its kind's, already
   * hashed): judging looks installations up by it three times per host.
   */
  key?: string;
}

/**
 * What every installation of one title variant shares (product, version, edition, the spelling as
 * read, how it was recognised): made once per variant, pointed at by each host that has it.
 */
export interface InstallKind {
  /** installationKey(product, version, edition): one installation per key and host. */
  key: string;
  product: Product;
  version: string | undefined;
  edition: string | undefined;
  software: SoftwareRef;
  recognition: string;
}
