// SHA-256 block compression with the x86-64 SHA extensions (SHA-NI). Swift cannot reach these
// instructions, so this one function is C; the padding, the fallback and the tests are Swift
// (`Reading/SHA256.swift`, `SHA256Tests`). Written from the instruction definitions (Intel SDM:
// SHA256RNDS2, SHA256MSG1, SHA256MSG2): the state is kept as the ABEF and CDGH halves the
// round instruction works on, and each group of four rounds consumes four schedule words.
#include "wardplans_sha256.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int wardplans_sha256_hardware(void) {
    static int known = -1;
    int value = __atomic_load_n(&known, __ATOMIC_RELAXED);
    if (value >= 0) return value;
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    int ssse3 = 0, sse41 = 0, sha = 0;
    if (__get_cpuid(1, &eax, &ebx, &ecx, &edx)) {
        ssse3 = (ecx >> 9) & 1;
        sse41 = (ecx >> 19) & 1;
    }
    if (__get_cpuid_max(0, 0) >= 7 && __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) sha = (ebx >> 29) & 1;
    value = ssse3 && sse41 && sha;
    __atomic_store_n(&known, value, __ATOMIC_RELAXED);
    return value;
}

static const uint32_t round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

__attribute__((target("sha,sse4.1,ssse3")))
void wardplans_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    // Each 32-bit word's bytes reversed: the message is big-endian.
    const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abef_before = abef;
        const __m128i cdgh_before = cdgh;
        // w[i % 4]: schedule words 4i..4i+3.
        __m128i w[4];
        for (int i = 0; i < 16; i++) {
            if (i < 4) {
                w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), byte_swap);
            } else {
                // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16], four at a time.
                __m128i sum = _mm_sha256msg1_epu32(w[i % 4], w[(i - 3) % 4]);
                sum = _mm_add_epi32(sum, _mm_alignr_epi8(w[(i - 1) % 4], w[(i - 2) % 4], 4));
                w[i % 4] = _mm_sha256msg2_epu32(sum, w[(i - 1) % 4]);
            }
            __m128i k = _mm_add_epi32(w[i % 4], _mm_loadu_si128((const __m128i *)&round_constants[4 * i]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, k);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(k, 0x0E));
        }
        abef = _mm_add_epi32(abef, abef_before);
        cdgh = _mm_add_epi32(cdgh, cdgh_before);
    }

    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int wardplans_sha256_hardware(void) { return 0; }

void wardplans_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    (void)state;
    (void)data;
    (void)blocks;
}

#endif
