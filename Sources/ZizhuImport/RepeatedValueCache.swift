#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Remembers the last few values of each column, so that a class, bank name, tier or `√` repeated on every
/// row is checked and turned into a String once instead of once per row (time, and for long values one heap
/// allocation per row). Identifiers are unique per row and are not offered to it; a column whose values
/// rarely repeat (names) stops being looked up after a trial, so it costs nothing.
final class RepeatedValueCache {
    static let slots = 8
    static let maximumLength = 64

    private let columns: Int
    private let storage: UnsafeMutablePointer<UInt8>
    private let lengths: UnsafeMutablePointer<Int>
    private let values: UnsafeMutablePointer<String>
    private let next: UnsafeMutablePointer<Int>
    /// Per column: lookups and hits during the trial, then whether the column is still looked up.
    private let lookups: UnsafeMutablePointer<Int>
    private let hits: UnsafeMutablePointer<Int>
    private let enabled: UnsafeMutablePointer<Bool>
    /// Lookups before a column's hit rate is judged, and the share of hits it needs to stay.
    static let trialLookups = 256

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
        lookups = .allocate(capacity: self.columns)
        lookups.initialize(repeating: 0, count: self.columns)
        hits = .allocate(capacity: self.columns)
        hits.initialize(repeating: 0, count: self.columns)
        enabled = .allocate(capacity: self.columns)
        enabled.initialize(repeating: true, count: self.columns)
    }

    deinit {
        let entries = columns * RepeatedValueCache.slots
        values.deinitialize(count: entries)
        values.deallocate()
        lengths.deallocate()
        storage.deallocate()
        next.deallocate()
        lookups.deallocate()
        hits.deallocate()
        enabled.deallocate()
    }

    /// False once `column` has shown that its values rarely repeat.
    @inline(__always)
    func isWorthLookingUp(column: Int) -> Bool { column < columns && enabled[column] }

    /// The String remembered for these bytes in `column`, if they were seen recently.
    @inline(__always)
    func value(column: Int, bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress, column < columns else { return nil }
        let trial = lookups[column] < RepeatedValueCache.trialLookups
        if trial {
            lookups[column] += 1
            if lookups[column] == RepeatedValueCache.trialLookups { enabled[column] = hits[column] * 2 >= lookups[column] }
        }
        let first = column * RepeatedValueCache.slots
        for entry in first..<(first + RepeatedValueCache.slots) where lengths[entry] == bytes.count {
            if memcmp(storage + entry * RepeatedValueCache.maximumLength, base, bytes.count) == 0 {
                if trial { hits[column] += 1 }
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
