// The plan cache's entry checksum (`wardplans_crc32c.h`): two CRC-32C chains over alternate 8-byte
// words. The `crc32` instruction (SSE 4.2) takes 8 bytes at once, about six times fewer
// instructions a byte than XXH64 in Swift (docs/performance.md, decode31); Swift cannot reach it.
#include "wardplans_crc32c.h"

#include <string.h>

static uint32_t table[8][256];
static int table_ready = 0;

// Slicing-by-8 tables of the reflected polynomial 0x82F63B78: table[0] is the byte-at-a-time
// table; table[k][b] is the CRC of byte b followed by k zero bytes.
static void make_table(void) {
    if (__atomic_load_n(&table_ready, __ATOMIC_ACQUIRE)) return;
    uint32_t made[8][256];
    for (uint32_t b = 0; b < 256; b++) {
        uint32_t crc = b;
        for (int i = 0; i < 8; i++) crc = (crc >> 1) ^ (0x82F63B78u & (0u - (crc & 1)));
        made[0][b] = crc;
    }
    for (uint32_t b = 0; b < 256; b++) {
        for (int k = 1; k < 8; k++) made[k][b] = (made[k - 1][b] >> 8) ^ made[0][made[k - 1][b] & 0xff];
    }
    // Threads that race here write the same values.
    memcpy(table, made, sizeof table);
    __atomic_store_n(&table_ready, 1, __ATOMIC_RELEASE);
}

static inline uint32_t crc_bytes(uint32_t crc, const uint8_t *data, size_t count) {
    for (size_t i = 0; i < count; i++) crc = (crc >> 8) ^ table[0][(crc ^ data[i]) & 0xff];
    return crc;
}

// One little-endian 8-byte word into a raw (not inverted) CRC.
static inline uint32_t crc_word(uint32_t crc, uint64_t word) {
    word ^= crc;
    return table[7][word & 0xff] ^ table[6][(word >> 8) & 0xff] ^ table[5][(word >> 16) & 0xff]
        ^ table[4][(word >> 24) & 0xff] ^ table[3][(word >> 32) & 0xff] ^ table[2][(word >> 40) & 0xff]
        ^ table[1][(word >> 48) & 0xff] ^ table[0][word >> 56];
}

static inline uint64_t load64(const uint8_t *p) {
    uint64_t word;
    memcpy(&word, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    word = __builtin_bswap64(word);
#endif
    return word;
}

uint32_t wardplans_crc32c(uint32_t crc, const uint8_t *data, size_t count) {
    make_table();
    return ~crc_bytes(~crc, data, count);
}

uint64_t wardplans_crc32c_pair_portable(const uint8_t *data, size_t count) {
    make_table();
    uint32_t even = 0xFFFFFFFFu, odd = 0xFFFFFFFFu;
    size_t pairs = count / 16;
    for (size_t i = 0; i < pairs; i++, data += 16) {
        even = crc_word(even, load64(data));
        odd = crc_word(odd, load64(data + 8));
    }
    odd = crc_bytes(odd, data, count % 16);
    return ((uint64_t)~odd << 32) | (uint64_t)~even;
}

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

static int has_sse42(void) {
    static int known = -1;
    int value = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (value >= 0) return value;
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    value = __get_cpuid(1, &eax, &ebx, &ecx, &edx) ? (int)((ecx >> 20) & 1) : 0;
    __atomic_store_n(&known, value, __ATOMIC_RELAXED);
    return value;
}

__attribute__((target("sse4.2")))
static uint64_t pair_hardware(const uint8_t *data, size_t count) {
    uint64_t even = 0xFFFFFFFFu, odd = 0xFFFFFFFFu;
    size_t pairs = count / 16;
    size_t i = 0;
    // Four pairs (64 bytes) a turn: eight `crc32` and the loop's three instructions.
    for (; i + 4 <= pairs; i += 4, data += 64) {
        even = _mm_crc32_u64(even, load64(data));
        odd = _mm_crc32_u64(odd, load64(data + 8));
        even = _mm_crc32_u64(even, load64(data + 16));
        odd = _mm_crc32_u64(odd, load64(data + 24));
        even = _mm_crc32_u64(even, load64(data + 32));
        odd = _mm_crc32_u64(odd, load64(data + 40));
        even = _mm_crc32_u64(even, load64(data + 48));
        odd = _mm_crc32_u64(odd, load64(data + 56));
    }
    for (; i < pairs; i++, data += 16) {
        even = _mm_crc32_u64(even, load64(data));
        odd = _mm_crc32_u64(odd, load64(data + 8));
    }
    uint32_t odd32 = (uint32_t)odd;
    for (size_t j = 0; j < count % 16; j++) odd32 = _mm_crc32_u8(odd32, data[j]);
    return ((uint64_t)~odd32 << 32) | (uint64_t)(uint32_t)~(uint32_t)even;
}

uint64_t wardplans_crc32c_pair(const uint8_t *data, size_t count) {
    if (has_sse42()) return pair_hardware(data, count);
    return wardplans_crc32c_pair_portable(data, count);
}
#else
uint64_t wardplans_crc32c_pair(const uint8_t *data, size_t count) {
    return wardplans_crc32c_pair_portable(data, count);
}
#endif
