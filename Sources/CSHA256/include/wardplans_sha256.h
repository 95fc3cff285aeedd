#ifndef WARDPLANS_SHA256_H
#define WARDPLANS_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA-256 instructions (x86-64 SHA extensions with SSSE3 and
/// SSE4.1). Checked once with CPUID; 0 on any other architecture.
int wardplans_sha256_hardware(void);

/// Compresses `blocks` 64-byte blocks at `data` into `state` (the eight words a..h, host order) with
/// the SHA-256 instructions. Call only when `wardplans_sha256_hardware()` is 1.
void wardplans_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
