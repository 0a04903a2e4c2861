import ZizhuArchive
import ZizhuCore
import ZizhuExport
import ZizhuImport
import ZizhuRound

/// The CLI's side of a round (`RoundPipeline` does the work): progress on the terminal, a failure as the one
/// line of exit 2, and the round kept until the process exits.
enum CLIRound {
    static func check(_ request: RoundRequest, onlyImport: Bool = false,
                      keepsImportedRows: Bool = false) throws -> CheckedRound {
        var pipeline = RoundPipeline(request)
        pipeline.onlyImport = onlyImport
        pipeline.keepsImportedRows = keepsImportedRows
        defer { Terminal.endProgress() }
        do {
            return ProcessEnd.keep(try pipeline.check(progress: Terminal.roundProgress))
        } catch {
            throw CLIFailure(error)
        }
    }

    /// `RoundPipeline.start`: the row rules go on, in `rowOrder`, on the other core while the caller writes.
    static func start(_ request: RoundRequest,
                      rowOrder: @escaping @Sendable ([Applicant]) -> [Int]) throws -> ValidationInProgress {
        defer { Terminal.endProgress() }
        do {
            return ProcessEnd.keep(try RoundPipeline(request).start(rowOrder: rowOrder, progress: Terminal.roundProgress))
        } catch {
            throw CLIFailure(error)
        }
    }

    static func loadPolicy(_ path: String?) throws -> (policy: Policy, name: String) {
        do {
            return try RoundPipeline.loadPolicy(path.map { .file(path: $0) } ?? .builtIn)
        } catch {
            throw CLIFailure(error)
        }
    }
}

/// What a command keeps until the process ends. Freeing a round's million rows cell by cell takes the better
/// part of a second, after the last document is written; the system takes the whole heap back at exit at once.
/// A CLI-only choice: a server gives every round back when its request ends.
enum ProcessEnd {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep<Value>(_ value: Value) -> Value {
        kept.append(value)
        return value
    }
}
