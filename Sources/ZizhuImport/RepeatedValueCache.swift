#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ZizhuCore

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
    /// Two words covering the first and the last eight bytes of each entry (`key`): with the length they decide
    /// equality for values of up to 16 bytes, and rule out most misses for longer ones.
    private let heads: UnsafeMutablePointer<UInt64>
    private let tails: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<String>
    /// Per column, the entry that matched last: values come in runs (a class's rows), so it is tried first.
    private let lastHit: UnsafeMutablePointer<Int>
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
        heads = .allocate(capacity: entries)
        heads.initialize(repeating: 0, count: entries)
        tails = .allocate(capacity: entries)
        tails.initialize(repeating: 0, count: entries)
        lastHit = .allocate(capacity: self.columns)
        for column in 0..<self.columns { (lastHit + column).initialize(to: column * RepeatedValueCache.slots) }
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
        heads.deallocate()
        tails.deallocate()
        lastHit.deallocate()
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
        let count = bytes.count
        let (head, tail) = RepeatedValueCache.key(base, count)
        var entry = lastHit[column]
        let first = column * RepeatedValueCache.slots
        for _ in 0..<RepeatedValueCache.slots {
            if lengths[entry] == count && heads[entry] == head && tails[entry] == tail
                && (count <= 16 || RepeatedValueCache.equal(storage + entry * RepeatedValueCache.maximumLength + 8,
                                                            base + 8, count - 16)) {
                if trial { hits[column] += 1 }
                lastHit[column] = entry
                return values[entry]
            }
            entry = entry + 1 == first + RepeatedValueCache.slots ? first : entry + 1
        }
        return nil
    }

    /// Words that hold every byte of a value of up to 16 bytes: the first and the last eight (overlapping), or
    /// for a shorter value its two overlapping halves in `head`.
    @inline(__always)
    private static func key(_ p: UnsafePointer<UInt8>, _ count: Int) -> (head: UInt64, tail: UInt64) {
        let raw = UnsafeRawPointer(p)
        if count >= 8 {
            return (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        }
        if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            return (low | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32, 0)
        }
        if count >= 2 {
            let low = UInt64(raw.loadUnaligned(as: UInt16.self))
            return (low | UInt64(raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)) << 16, 0)
        }
        return (count == 1 ? UInt64(p[0]) : 0, 0)
    }

    /// Compares short byte runs eight at a time: for values this short a call to memcmp costs more.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        while index + 8 <= count {
            if ByteScan.load(a, index) != ByteScan.load(b, index) { return false }
            index += 8
        }
        while index < count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

    /// Remembers `value` as the String for `bytes` in `column`, replacing its oldest entry.
    func remember(column: Int, bytes: UnsafeBufferPointer<UInt8>, as value: String) {
        guard let base = bytes.baseAddress, column < columns, bytes.count <= RepeatedValueCache.maximumLength else {
            return
        }
        let entry = column * RepeatedValueCache.slots + next[column]
        memcpy(storage + entry * RepeatedValueCache.maximumLength, base, bytes.count)
        lengths[entry] = bytes.count
        (heads[entry], tails[entry]) = RepeatedValueCache.key(base, bytes.count)
        values[entry] = value
        next[column] = (next[column] + 1) % RepeatedValueCache.slots
    }
}
