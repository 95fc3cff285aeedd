#include "wardplans_allocator.h"

#include <limits.h>  // also defines __GLIBC__ on glibc (through features.h)

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int wardplans_grow_heaps_in_steps_of(size_t bytes) {
#if defined(__GLIBC__)
    if (bytes > INT_MAX) return 0;
    return mallopt(M_TOP_PAD, (int)bytes) == 1;
#else
    (void)bytes;
    return 0;
#endif
}
