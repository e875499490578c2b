#include "allocator.hpp"

#if defined(NEWSPLIT_MIMALLOC)
#include <mimalloc.h>
#endif

namespace newsplit::cli::allocator {

#if defined(NEWSPLIT_MIMALLOC)
namespace {

// Up to this many workers, a worker's heap keeps what it frees between jobs.
constexpr unsigned kKeepFreedUpToJobs = 4;
// ...and gives it all back after this many jobs (2 MB of input): peak memory then does not
// creep up over a long input (a 1 GB file peaks within 10% of a 100 MB one).
constexpr unsigned kJobsBetweenGiveBacks = 8;

bool give_back_now_and_then = false;

}  // namespace

// Each worker makes and frees a batch's pages and records again and again. With a few
// workers, a heap's freed memory is taken again by its next batch: giving it back to the
// system as soon as it is free (after 2 ms) only to fault it in again cost a tenth of
// split's time on two cores (each give-back also flushes the other cores' address caches).
// So freed memory goes back after a second, or when the worker has done a number of jobs.
// With more workers, what each heap holds adds up (80 MB at -j 16 when kept): freed memory
// goes back after 2 ms (mimalloc's default is 25, and a page used again is not given longer),
// and 64 workers stay under 64 MB on any input.
void configure(unsigned jobs) {
  give_back_now_and_then = jobs <= kKeepFreedUpToJobs;
  mi_option_set(mi_option_decommit_delay, give_back_now_and_then ? 1000 : 2);
  mi_option_set(mi_option_decommit_extend_delay, 0);
}

void job_done() {
  thread_local unsigned jobs = 0;
  if (give_back_now_and_then && ++jobs % kJobsBetweenGiveBacks == 0) mi_collect(true);
}
#else
void configure(unsigned) {}
void job_done() {}
#endif

}  // namespace newsplit::cli::allocator
