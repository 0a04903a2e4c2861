import Testing
@testable import ZizhuImport

@Suite struct RepeatedValueCacheTests {
    @Test func sharesRecentValuesPerColumn() {
        let cache = RepeatedValueCache(columns: 2)
        let school = Array("某某县第一中学".utf8)
        school.withUnsafeBufferPointer { bytes in
            #expect(cache.value(column: 0, bytes: bytes) == nil)
            cache.remember(column: 0, bytes: bytes, as: "某某县第一中学")
            #expect(cache.value(column: 0, bytes: bytes) == "某某县第一中学")
            #expect(cache.value(column: 1, bytes: bytes) == nil, "columns do not share")
        }
        // Older entries give way after `slots` new ones.
        for k in 0..<RepeatedValueCache.slots {
            let other = Array("另一所学校第\(k)号分校".utf8)
            other.withUnsafeBufferPointer { cache.remember(column: 0, bytes: $0, as: "x") }
        }
        school.withUnsafeBufferPointer { #expect(cache.value(column: 0, bytes: $0) == nil) }
    }
}
