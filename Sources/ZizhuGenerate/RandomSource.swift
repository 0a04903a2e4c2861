/// The generator's own PRNG: xoshiro256** seeded through SplitMix64. Every draw goes through the methods
/// below (not the standard library's `random(in:using:)`, whose algorithm may change between Swift
/// releases), so a seed gives the same sheets on every platform and toolchain.
struct RandomSource {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = nextSplitMix(); s1 = nextSplitMix(); s2 = nextSplitMix(); s3 = nextSplitMix()
    }

    mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject); 0 when `bound` ≤ 1.
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform Double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// One element of a non-empty constant pool.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// An index chosen with the given relative weights.
    mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        var draw = below(total)
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }

    /// An index chosen from a precomputed table (cheaper than `weightedIndex` for long, hot tables).
    mutating func index(in table: WeightTable) -> Int {
        let draw = below(table.total)
        var low = 0, high = table.cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if table.cumulative[middle] > draw { high = middle } else { low = middle + 1 }
        }
        return low
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }

    /// `count` decimal digits as text.
    mutating func digits(_ count: Int) -> String {
        var bytes = [UInt8](repeating: 48, count: count)
        for index in bytes.indices { bytes[index] = UInt8(48 + below(10)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Relative weights as running totals, for `RandomSource.index(in:)`.
struct WeightTable: Sendable {
    let cumulative: [Int]
    let total: Int

    init(_ weights: [Int]) {
        var running = 0
        cumulative = weights.map { running += max(0, $0); return running }
        total = running
    }
}

/// FNV-1a: a stable hash for the uniqueness registry (Swift's `Hasher` is seeded per process).
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}
