/**
 * No client input produces a 500. Property tests send arbitrary query strings, JSON bodies and
 * q64 values to every operation of openapi/groups.yaml as the admin persona and check that:
 *   - the status is below 500 and documented for the operation, and the body matches the document;
 *   - every error answer is an ErrorBody (message, code, status = HTTP status, contextId);
 *   - a rejected request (≥ 400) changed nothing in the database.
 * The explicit cases are in bad-input.test.ts.
 *
 * fast-check runs with a fixed seed (FC_SEED overrides it); a failure prints the seed and the
 * shrunk counterexample, so it can be replayed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryString, SPECS } from '../support/arbitraries.js';
import { badInputSuite } from '../support/bad-input-suite.js';
import { encodeComponent, operationIds } from '../support/openapi-validator.js';

const SEED = Number(process.env.FC_SEED ?? 20261126);
const RUNS = Number(process.env.FC_RUNS ?? 30);
/** Generated URLs stay under this length. */
const MAX_URL_LENGTH = 15_000;

const suite = badInputSuite();

describe('every operation survives arbitrary input (property tests)', () => {
  it('covers every operation of the document', () => {
    expect(Object.keys(SPECS).sort()).toEqual(operationIds().sort());
  });

  for (const [operationId, spec] of Object.entries(SPECS)) {
    if (spec.skip) continue;
    it(`${operationId}: never a 500, always a documented answer, rejected requests change nothing`, async () => {
      const queryArb = spec.query
        ? fc.oneof(
            { weight: 3, arbitrary: spec.query },
            { weight: 1, arbitrary: queryString },
            fc.tuple(spec.query, queryString).map(([a, b]) => [a, b].filter(Boolean).join('&')),
          )
        : queryString;
      const property = fc.asyncProperty(
        spec.params ?? fc.constant(undefined),
        queryArb,
        spec.body ?? fc.constant({}),
        async (params, query, body) => {
          // Request lines beyond Node's 16 KB header limit are refused by the HTTP parser itself (431).
          fc.pre(
            Object.values(params ?? {})
              .map(encodeComponent)
              .join('').length +
              query.length <
              MAX_URL_LENGTH,
          );
          await suite.send(operationId, {
            params: suite.resolveParams(params),
            query: suite.resolveQuery(query),
            ...body,
          });
        },
      );
      await fc.assert(property, { numRuns: RUNS, seed: SEED, endOnFailure: true, interruptAfterTimeLimit: 10_000 });
    });
  }
});
