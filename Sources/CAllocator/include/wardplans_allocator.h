#ifndef WARDPLANS_ALLOCATOR_H
#define WARDPLANS_ALLOCATOR_H

#include <stddef.h>

/// Asks the C allocator to grow each heap by at least `bytes` at a time (glibc's `M_TOP_PAD`), so a
/// run that allocates a lot makes fewer system calls. Nothing on a C library without that setting.
/// Returns 1 when the setting was taken, 0 otherwise.
int wardplans_grow_heaps_in_steps_of(size_t bytes);

#endif
