/// Progress of a long document: calls back every `step` rows (`花名册.xlsx：已写 300000 / 1000000 行`).
/// A cheap counter check per row; nothing at all when no one listens.
struct RowProgress {
    let document: String
    let total: Int
    let step: Int
    let report: (@Sendable (String) -> Void)?

    init(document: String, total: Int, step: Int = 200_000, report: (@Sendable (String) -> Void)?) {
        self.document = document
        self.total = total
        self.step = max(1, step)
        self.report = report
    }

    static let silent = RowProgress(document: "", total: 0, report: nil)

    /// Call after writing row `done` (1-based count of rows written so far).
    @inline(__always)
    func rowsWritten(_ done: Int) {
        guard let report, done % step == 0, done < total else { return }
        report("\(document)：已写 \(done) / \(total) 行")
    }
}
