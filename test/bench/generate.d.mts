// Types of generate.mjs for the tests that use its documents.
import type { Declaration } from '../../src/model/declaration.js'

/** A seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function random(seed: number): () => number
/** A valid generic declaration of exactly `clauses` clauses. */
export function generateDeclaration(clauses: number, seed?: number): Declaration
/** A later draft of a declaration with `share` of its clauses changed. */
export function editDeclaration(doc: Declaration, share: number, seed?: number): Declaration
/** The number of clauses of a declaration. */
export function clauseCount(doc: Declaration): number
