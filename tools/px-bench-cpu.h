/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <time.h>

/* CPU time of the whole process (all threads) since it started, in ms:
 * the machine is shared, so wall time alone says little. */
static inline double
px_bench_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}
