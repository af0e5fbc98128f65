/**
 * Records of one title on one host that judging speaks of without an installation of their own:
 * those matching a forbidden pattern, unrecognised ones, and those meeting a custom rule's tuple.
 */
import type { Evidence, Product } from '../../model.js';
import type { SoftwareRef } from './software-ref.js';

export interface Occurrence {
  software: SoftwareRef;
  product?: Product;
  evidence: Evidence[];
}

/** The records of one host that met one tuple of one software custom rule. */
export interface CustomOccurrence extends Occurrence {
  /** Index of the software rule. */
  rule: number;
  tuple: number;
}

/** A forbidden title's records on one host, with the title's id (its pattern is the title's). */
export interface ForbiddenOccurrence {
  title: number;
  occurrence: Occurrence;
}
