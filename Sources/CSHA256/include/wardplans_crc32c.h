#ifndef WARDPLANS_CRC32C_H
#define WARDPLANS_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/// The plan cache's entry checksum: two CRC-32C (Castagnoli, as iSCSI and ext4 use it: reflected
/// polynomial 0x82F63B78, initial value and final xor 0xFFFFFFFF), one over the 8-byte words at
/// even offsets of 16 (bytes 0-7, 16-23, ...) and one over the words at odd ones (8-15, 24-31, ...)
/// followed by the last `count % 16` bytes. The first is the low 32 bits of the result, the second
/// the high. Two chains, so the processor's CRC instruction overlaps them. With the SSE 4.2 `crc32`
/// instruction when the processor has it (checked once with CPUID), table-driven otherwise: the
/// same value either way.
uint64_t wardplans_crc32c_pair(const uint8_t *data, size_t count);

/// The same value, always table-driven (for the tests).
uint64_t wardplans_crc32c_pair_portable(const uint8_t *data, size_t count);

/// Standard CRC-32C of `count` bytes, continuing from `crc` (0 to start), table-driven (for the
/// tests: "123456789" gives 0xE3069283).
uint32_t wardplans_crc32c(uint32_t crc, const uint8_t *data, size_t count);

#endif
