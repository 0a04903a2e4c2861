import Synchronization

/// What a round is doing, as it goes.
public enum RoundProgress: Sendable {
    /// Reading class sheet `position` (1-based) of `count`.
    case reading(file: String, position: Int, count: Int)
    /// Reading a reference list (`学籍名单 在校生.csv`).
    case readingList(String)
    /// Validating the round's rows.
    case checking(rows: Int)
    /// A document finished, or row progress of a large one.
    case writing(String)

    /// The line a terminal shows.
    public var text: String {
        switch self {
        case .reading(let file, let position, let count): "读取 \(position)/\(count) \(file) …"
        case .readingList(let name): "读取\(name) …"
        case .checking(let rows): "检查 \(rows) 行 …"
        case .writing(let text): text
        }
    }
}

public typealias RoundProgressHandler = @Sendable (RoundProgress) -> Void

/// Asks a round to stop. It is honoured between files, before validation and before writing; a round that
/// stops throws `RoundError` of kind `.cancelled` and leaves no document behind.
public final class RoundCancellation: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    func throwIfCancelled() throws(RoundError) {
        if isCancelled { throw RoundError(.cancelled, zh: "已取消。", en: "Cancelled.") }
    }
}
