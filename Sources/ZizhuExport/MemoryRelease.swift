import CMalloc
import Dispatch

/// Frees a large value on another core and gives the freed pages back to the system at once.
///
/// Why: on this project's machines (VMs whose host backs memory lazily) a page the process has just given
/// back is the cheapest one the kernel can hand to the page cache next, while a page not used lately costs
/// 1.5–2.4 s per GB on first touch. Freed by `free` alone, most of a million rows' 650 MB stays in malloc's
/// arenas; `malloc_trim` returns it (Benchmarks/README.md, "Where the register's time goes").
enum MemoryRelease {
    /// Holds the value until the other core drops it; nothing else may keep a reference for the memory to go.
    private final class Parcel<Value>: @unchecked Sendable {
        var value: Value?
        init(_ value: consuming Value) { self.value = value }
    }

    static func inBackground<Value>(_ value: consuming Value) {
        let parcel = Parcel(value)
        DispatchQueue.global(qos: .utility).async {
            parcel.value = nil
            _ = malloc_trim(0)
        }
    }
}
