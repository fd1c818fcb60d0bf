import { EstimateError } from './estimate-error.js';
import { seedKey } from './random-stream.js';

/**
 * The random stream of an estimate, from a stable id of what it estimates:
 * `sampleSpec(spec, env, streamOf('health/openai/cash/F12'))`.
 *
 * The id is hashed by the engine's seed hash ({@link seedKey}: FNV-1a 64
 * over its UTF-8 bytes, then splitmix64's mix) and reduced to the 32-bit
 * node number a stream takes; the run's seed enters when the stream is
 * keyed (`RandomStream.forChunk(seedKey(env.seed), stream, chunk)`). So:
 * - the same id under the same seed always draws the same values, whatever
 *   else the analysis draws, in what order, or how many other inputs it has;
 * - different ids draw unrelated values, so two estimates are never
 *   correlated by sharing a hand-picked number.
 *
 * Write the id as `<analysis>/<entity id>/<input>[/<fact id>]`, naming what
 * is drawn rather than where it comes in a list (docs/random-streams.md).
 * Two ids meet on one stream only by a 32-bit hash collision: about one
 * chance in 10^5 for 300 ids in one run.
 *
 * @example streamOf('funding/F31') // the same number in every run and on every machine
 */
export function streamOf(id: string): number {
  if (typeof id !== 'string' || id.length === 0) throw new EstimateError('stream_id', `a random stream needs a non-empty id such as "health/openai/cash", got ${JSON.stringify(id)}`);
  // 0 .. 2^32 - 2: forChunk keys node n by n + 1 in 32 bits.
  return Number(seedKey(id) % 0xffff_ffffn);
}
