#ifndef MEMORY_HINTS_H
#define MEMORY_HINTS_H

/// Asks the processor to start loading the cache line at `address` for a
/// read soon (GCC/Clang `__builtin_prefetch`, locality 3: keep it in every
/// cache level). A hint only: it never faults and changes no result.
static inline void memory_hints_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
