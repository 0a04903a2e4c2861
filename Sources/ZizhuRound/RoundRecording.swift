import ZizhuArchive
import ZizhuCore
import ZizhuExport

/// Records a finished round's accepted rows as one archive batch, identified by the hashes in its manifest.
public enum RoundRecording {
    /// Identifies a batch by its inputs, whatever the order they were named in.
    public static func inputHash(of manifest: Manifest) -> String {
        SHA256.hash(Array(manifest.inputs.map(\.sha256).sorted().joined(separator: "\n").utf8))
    }

    public static func record(_ result: RoundResult, manifest: Manifest, outputDirectory: String,
                              into archive: any ArchiveStore) throws(RoundError) -> BatchSummary {
        let inputHash = inputHash(of: manifest)
        let manifestPath = outputDirectory + "/" + RoundWriter.manifestFileName
        let outputHash: String
        do {
            outputHash = try SHA256.hashFile(atPath: manifestPath)
        } catch {
            throw RoundError(.archive, zh: "无法读取 \(manifestPath)：\(error)", en: "Cannot read \(manifestPath): \(error)")
        }
        do {
            return try archive.record(result, inputHash: inputHash, outputHash: outputHash, label: outputDirectory)
        } catch {
            throw RoundError(.archive, detail: "\(error)", zhPrefix: "未记入资助档案：",
                             enPrefix: "Not recorded in the aid archive: ")
        }
    }
}
