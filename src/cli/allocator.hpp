// The allocator's handling of freed memory: when it goes back to the system. A process-wide
// setting of the command line (the core library allocates through the standard library and
// knows nothing of it). Without mimalloc (NEWSPLIT_MIMALLOC unset) both calls do nothing.
#pragma once

namespace newsplit::cli::allocator {

// Once, before the workers start: how freed memory is given back for a run of `jobs` workers.
void configure(unsigned jobs);

// On a worker thread, after each job: now and then, give back what its heap holds free.
void job_done();

}  // namespace newsplit::cli::allocator
