#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Remembers the last few long values of each column, so that a school or bank name repeated on every row
/// becomes one shared String instead of one heap allocation per row (time, and memory for the rows kept).
/// Values up to 15 UTF-8 bytes are stored inline by String and need no cache; identifiers are unique per row
/// and are not offered to it.
final class RepeatedValueCache {
    static let slots = 8
    static let maximumLength = 64

    private let columns: Int
    private let storage: UnsafeMutablePointer<UInt8>
    private let lengths: UnsafeMutablePointer<Int>
    private let values: UnsafeMutablePointer<String>
    private let next: UnsafeMutablePointer<Int>

    init(columns: Int) {
        self.columns = max(columns, 1)
        let entries = self.columns * RepeatedValueCache.slots
        storage = .allocate(capacity: entries * RepeatedValueCache.maximumLength)
        lengths = .allocate(capacity: entries)
        lengths.initialize(repeating: -1, count: entries)
        values = .allocate(capacity: entries)
        values.initialize(repeating: "", count: entries)
        next = .allocate(capacity: self.columns)
        next.initialize(repeating: 0, count: self.columns)
    }

    deinit {
        let entries = columns * RepeatedValueCache.slots
        values.deinitialize(count: entries)
        values.deallocate()
        lengths.deallocate()
        storage.deallocate()
        next.deallocate()
    }

    /// The String remembered for these bytes in `column`, if they were seen recently.
    @inline(__always)
    func value(column: Int, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress, column < columns else { return nil }
        let first = column * RepeatedValueCache.slots
        for entry in first..<(first + RepeatedValueCache.slots) where lengths[entry] == bytes.count {
            if memcmp(storage + entry * RepeatedValueCache.maximumLength, base, bytes.count) == 0 {
                return values[entry]
            }
        }
        return nil
    }

    /// Remembers `value` as the String for `bytes` in `column`, replacing its oldest entry.
    func remember(column: Int, bytes: UnsafeBufferPointer<UInt8>, as value: String) {
        guard let base = bytes.baseAddress, column < columns, bytes.count <= RepeatedValueCache.maximumLength else {
            return
        }
        let entry = column * RepeatedValueCache.slots + next[column]
        memcpy(storage + entry * RepeatedValueCache.maximumLength, base, bytes.count)
        lengths[entry] = bytes.count
        values[entry] = value
        next[column] = (next[column] + 1) % RepeatedValueCache.slots
    }
}
