// SHA-256 with the x86 SHA extensions, for ZizhuExport's SHA256 (which falls back to its Swift rounds
// when the CPU lacks them). Nothing else here.
#ifndef ZIZHU_CSHA256_H
#define ZIZHU_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA extensions and SSE4.1, else 0.
int zizhu_sha256_hardware_available(void);

/// Runs the compression function over `blocks` consecutive 64-byte blocks at `data`, updating `state`
/// (H0…H7 of FIPS 180-4). Call only when zizhu_sha256_hardware_available() is 1.
void zizhu_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
