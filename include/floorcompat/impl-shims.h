/* impl-shims.h - the bodies of the API shims (part of FLOORCOMPAT_IMPLEMENTATION; floorcompat.h
 * includes it after stat.h). Declarations, prefixed names and queries: api.h. Table: data/api.tsv.
 *
 * Each shim is compiled only when the glibc floor lacks the API. It is a hidden function named
 * floorcompat_<name>, and FLOORCOMPAT__DEFINE_AS gives it the libc name too, so that every reference
 * of the binary binds to it and none to a post-floor glibc version. When the floor has the API,
 * nothing is defined here and calls go to libc. Strategies: runtime.h (lookups, syscall probes),
 * shims/impl-*.h (the bodies). Only libc functions that the floor has are called, some through own
 * declarations (floorcompat__sys_*) because <features.h> was read before this part. */
#ifndef FLOORCOMPAT_IMPL_SHIMS_H
#define FLOORCOMPAT_IMPL_SHIMS_H 1
#include "runtime.h"
#include "shims/impl-common.h"
#include "shims/impl-random.h"
#include "shims/impl-string.h"
#include "shims/impl-linux.h"
#include "shims/impl-sys2.h"
#include "shims/impl-libc2.h"
#include "shims/impl-thread.h"
#include "shims/impl-spawn.h"
#include "shims/impl-unwind.h"
#include "shims/impl-math.h"
#include "shims/impl-c11.h"
#endif
