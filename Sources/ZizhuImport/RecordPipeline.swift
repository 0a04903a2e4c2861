import Foundation

/// Records copied out of the parser so they can cross to another thread.
final class RecordBatch: @unchecked Sendable {
    // Unchecked: a batch belongs to one thread at a time; `BatchChannel` hands it over under its lock.
    static let targetBytes = 256 << 10

    // Touched for every record by one thread at a time: no dynamic exclusivity checks.
    let bytes = ByteBuffer(capacity: RecordBatch.targetBytes + 4096)
    @exclusivity(unchecked) private(set) var ends: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var endCapacity = 16384
    @exclusivity(unchecked) private var endCount = 0
    @exclusivity(unchecked)
    private(set) var records: [(line: Int, byteStart: Int, endStart: Int, count: Int, problem: CSVProblem?)] = []

    init() {
        ends = .allocate(capacity: endCapacity)
        records.reserveCapacity(4096)
    }

    deinit { ends.deallocate() }

    var isFull: Bool { bytes.count >= RecordBatch.targetBytes || records.count >= 4096 }

    func append(_ record: CSVRecord) {
        let length = record.count == 0 ? 0 : record.ends[record.count - 1]
        let byteStart = bytes.count
        bytes.append(UnsafeRawBufferPointer(start: record.base, count: length))
        if endCount + record.count > endCapacity {
            var capacity = endCapacity * 2
            while capacity < endCount + record.count { capacity *= 2 }
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
            grown.update(from: ends, count: endCount)
            ends.deallocate()
            ends = grown
            endCapacity = capacity
        }
        (ends + endCount).update(from: record.ends, count: record.count)
        records.append((record.line, byteStart, endCount, record.count, record.problem))
        endCount += record.count
    }

    /// The records as the parser delivered them.
    func forEach(_ body: (CSVRecord) -> Bool) -> Bool {
        for record in records {
            let view = CSVRecord(line: record.line, count: record.count,
                                 base: UnsafePointer(bytes.base + record.byteStart),
                                 ends: UnsafePointer(ends + record.endStart), problem: record.problem)
            if !body(view) { return false }
        }
        return true
    }

    func reset() {
        bytes.removeAll()
        endCount = 0
        records.removeAll(keepingCapacity: true)
    }
}

/// A bounded hand-over of batches from the parsing thread to the calling thread, so memory stays a few
/// batches whatever the file size.
final class BatchChannel: @unchecked Sendable {
    // Unchecked: every mutable field is read and written only while `condition` is locked.
    static let capacity = 4

    private let condition = NSCondition()
    private var queue: [RecordBatch] = []
    private var spare: [RecordBatch] = []
    private var finished = false
    private var cancelled = false

    /// Producer: an empty batch (a recycled one when possible).
    func emptyBatch() -> RecordBatch {
        condition.lock()
        defer { condition.unlock() }
        return spare.popLast() ?? RecordBatch()
    }

    /// Producer: hands a batch over, waiting while the consumer is behind. False once the consumer stopped.
    func put(_ batch: RecordBatch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= BatchChannel.capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// Producer: no more batches.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Consumer: the next batch, or nil when the producer has finished and everything was taken.
    func take() -> RecordBatch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        if queue.isEmpty { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Consumer: gives a used batch back for reuse.
    func recycle(_ batch: RecordBatch) {
        batch.reset()
        condition.lock()
        if spare.count < BatchChannel.capacity + 1 { spare.append(batch) }
        condition.unlock()
    }

    /// Consumer: wants nothing more; the producer stops at its next hand-over.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
