#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Raises the soft limit on open files to the hard one. libxlsxwriter keeps a temporary file open for every
/// sheet of a workbook written in constant memory until the workbook closes, and 退回清单 has a sheet per
/// class: a county's round with returned rows in a few thousand classes would otherwise stop at the usual soft
/// limit of 1,024 with "Too many open files".
enum OpenFileLimit {
    static func raise() {
        var limit = rlimit()
        guard getrlimit(openFiles, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(openFiles, &limit)
    }

    #if canImport(Glibc)
    private static let openFiles = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let openFiles = RLIMIT_NOFILE
    #endif
}
