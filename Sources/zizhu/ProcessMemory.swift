#if canImport(CMalloc)
import CMalloc
#endif

/// The allocator settings of the zizhu process.
enum ProcessMemory {
    /// Turns off glibc's fast bins. A round keeps its million rows on the heap, and libxlsxwriter then
    /// allocates and frees every cell it writes; in a heap that size, merging the fast bins back (which every
    /// larger request sets off) made malloc the largest cost of writing. Without them, writing the register of
    /// 1,000,000 rows took 12.9–13.3 s instead of 15.3–16.0 s (perf, `Benchmarks/README.md`); a small process
    /// such as the C baseline gains nothing from the setting, and the import is as fast either way.
    static func tuneAllocator() {
        #if canImport(CMalloc)
        _ = mallopt(M_MXFAST, 0)
        #endif
    }
}
