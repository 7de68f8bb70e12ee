/**
 * V8 settings for a process whose analysis threads keep every core busy (an ingest, a queue
 * worker). V8 tunes its compiler and collector for pages and servers with cores to spare; here
 * there are none, and measured on the whole Reuters corpus (a chain of two threads beside the
 * writing thread, on two cores) three of its defaults cost more than they give:
 * - Parallel scavenges hand parts of each young-generation collection to helper threads, which
 *   then wait for a core the analysis threads hold.
 * - The optimising compiler starts on a function after little feedback. The stages' long functions
 *   then meet branches and shapes their optimised code never saw, are thrown out and compiled
 *   again (findCandidates eleven times, at about 150 ms a compilation): V8's helper threads spent
 *   about 8 s of CPU on a 30 s ingest, two-thirds of it recompiling. Four times the feedback before
 *   optimising (the interrupt budget) halved it.
 * - After a full collection, V8 lets a heap grow to up to four times what survived before the next
 *   one, each of three heaps (the writing thread's and the two analysis threads') on its own; at
 *   the moments their peaks meet, the ingest held 450–460 MB, much of it garbage. Growing by at
 *   most `HEAP_GROWING_PERCENT` kept the peak at 420–435 MB for 40 full collections instead of 34
 *   (25 %: 420–430 MB for 55; 50 %: 440–445 MB).
 * The flags are V8's own, process-wide and read when a collection or a compilation is decided, so
 * setting them before the threads start covers them too.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's default interrupt budget (bytes of bytecode run between tiering checks) in Node 20, times four. */
const INTERRUPT_BUDGET = 4 * 67_584;

/** How far past what survived a collection a heap may grow before the next full one, in percent. */
const HEAP_GROWING_PERCENT = 35;

let tuned = false;

/** Sets the flags once per process; `$ENTENTE_V8_DEFAULTS=1` keeps V8's defaults (to measure against). */
export function tuneForBusyCores(): void {
  if (tuned || process.env.ENTENTE_V8_DEFAULTS === '1') return;
  tuned = true;
  setFlagsFromString('--no-parallel-scavenge');
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
