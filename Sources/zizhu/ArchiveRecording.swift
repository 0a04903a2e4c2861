import Foundation
import ZizhuArchive
import ZizhuCore
import ZizhuExport

/// Records a finished run's accepted rows as one archive batch, identified by the hashes in its manifest.
enum ArchiveRecording {
    /// Identifies a batch by its inputs, whatever the order they were named in.
    static func inputHash(of manifest: Manifest) -> String {
        SHA256.hash(Array(manifest.inputs.map(\.sha256).sorted().joined(separator: "\n").utf8))
    }

    static func record(_ result: RoundResult, manifest: Manifest, outputDirectory: String,
                       into archive: AidArchive) throws -> BatchSummary {
        let inputHash = inputHash(of: manifest)
        let outputHash: String
        do {
            outputHash = try SHA256.hashFile(atPath: outputDirectory + "/" + RoundWriter.manifestFileName)
        } catch {
            throw CLIFailure("无法读取 \(outputDirectory)/\(RoundWriter.manifestFileName)：\(error)")
        }
        do {
            return try archive.record(result, inputHash: inputHash, outputHash: outputHash, label: outputDirectory)
        } catch {
            throw CLIFailure("未记入资助档案：\(error)")
        }
    }
}
