import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// One file of an upload, on disk.
struct UploadedFile: Sendable {
    /// The form field it came in (`files`, `enrolment`, `evidence`, `policy`).
    var field: String
    /// The name the clerk's computer gave it.
    var name: String
    var path: String
    var size: Int
}

/// A multipart/form-data request, its files written to a folder and its text fields kept.
struct ReceivedUpload: Sendable {
    var files: [UploadedFile] = []
    var fields: [String: [String]] = [:]

    func field(_ name: String) -> String? { fields[name]?.first }
    func files(_ field: String) -> [UploadedFile] { files.filter { $0.field == field } }
}

/// Streams a multipart body to disk part by part, counting bytes, so that an upload over the limit is refused
/// before it fills the disk and a large one never sits in memory. A body that ends early or breaks the format
/// throws; the caller removes the folder, so nothing half-received stays.
enum UploadReceiver {
    /// Text fields are short (a token, a kind, a label): more is refused.
    static let fieldLimit = 64 << 10

    static func receive(_ request: Request, into folder: String, limit: Int) async throws(ServerError) -> ReceivedUpload {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServerError.tooLarge(limit: limit)
        }
        guard let contentType = request.headers[.contentType], let boundary = boundary(in: contentType) else {
            throw ServerError.badForm
        }
        let state = PartWriter(folder: folder, limit: limit)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.complete() }
        do {
            for try await buffer in request.body {
                try parser.execute(buffer)
                if let failure = state.failure { throw failure }
            }
        } catch let failure as ServerError {
            state.abandon()
            throw failure
        } catch {
            state.abandon()
            throw ServerError.badForm
        }
        guard state.finished else {
            state.abandon()
            throw ServerError.badForm
        }
        return state.upload
    }

    /// `multipart/form-data; boundary=----x` → `----x`.
    static func boundary(in contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = String(part.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    /// The `name` and `filename` of a Content-Disposition header (`filename*=UTF-8''…` too).
    static func disposition(_ value: String) -> (name: String?, fileName: String?) {
        var name: String?
        var fileName: String?
        var extended: String?
        for parameter in splitParameters(value).dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let key = parameter[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var text = parameter[parameter.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 {
                text = String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            switch key {
            case "name": name = text
            case "filename": fileName = text
            case "filename*":
                if let quote = text.range(of: "''") { extended = String(text[quote.upperBound...]).removingPercentEncoding }
            default: break
            }
        }
        return (name, extended ?? fileName)
    }

    /// Splits on `;` outside quotes.
    private static func splitParameters(_ value: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" && quoted { current.append(character); escaped = true; continue }
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}

/// The parser's callbacks: where the current part goes. Used by one request on one task at a time.
private final class PartWriter: @unchecked Sendable {
    let folder: String
    let limit: Int
    var upload = ReceivedUpload()
    var failure: ServerError?
    var finished = false
    private var received = 0
    private var headers: [(String, String)] = []
    private var handle: FileHandle?
    private var file: UploadedFile?
    private var fieldName: String?
    private var fieldBytes: [UInt8] = []
    private var bodyStarted = false

    init(folder: String, limit: Int) {
        self.folder = folder
        self.limit = limit
    }

    func header(_ name: String, _ value: String) {
        finished = false
        headers.append((name.lowercased(), value))
    }

    func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        if !bodyStarted { begin() }
        received += buffer.readableBytes
        if received > limit {
            failure = ServerError.tooLarge(limit: limit)
            return
        }
        guard let bytes = buffer.readBytes(length: buffer.readableBytes) else { return }
        if let handle {
            do {
                try handle.write(contentsOf: bytes)
                file?.size += bytes.count
            } catch {
                failure = ServerError(.diskFull, code: "disk",
                                      zh: "服务器无法保存上传的文件（磁盘已满或无写入权限），未保存任何内容。",
                                      en: "The server cannot store the upload (disk full or not writable); nothing was stored.")
            }
        } else if fieldName != nil {
            fieldBytes += bytes
            if fieldBytes.count > UploadReceiver.fieldLimit { failure = ServerError.badForm }
        }
    }

    func complete() {
        if !bodyStarted { begin() }
        if let handle, let file {
            try? handle.close()
            upload.files.append(file)
        } else if let fieldName {
            upload.fields[fieldName, default: []].append(String(decoding: fieldBytes, as: UTF8.self))
        }
        handle = nil
        file = nil
        fieldName = nil
        fieldBytes = []
        headers = []
        bodyStarted = false
        finished = true
    }

    /// The headers are in: open the file or the field.
    private func begin() {
        bodyStarted = true
        let disposition = headers.first { $0.0 == "content-disposition" }.map { UploadReceiver.disposition($0.1) }
        guard let name = disposition?.name else { return }
        if let fileName = disposition?.fileName {
            // A file input left empty arrives as a part with no file name: nothing was chosen.
            guard !fileName.isEmpty else { return }
            // The readers tell a workbook from a text file by its extension: keep it.
            let dot = fileName.lastIndex(of: ".")
            let extensionText = dot.map { String(fileName[$0...]).lowercased() } ?? ""
            let safeExtension = extensionText.count <= 6 && extensionText.dropFirst().allSatisfy(\.isLetter) ? extensionText : ""
            let path = folder + "/upload-\(upload.files.count)" + safeExtension
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path)
            else {
                failure = ServerError(.diskFull, code: "disk",
                                      zh: "服务器无法保存上传的文件，未保存任何内容。", en: "The server cannot store the upload.")
                return
            }
            self.handle = handle
            file = UploadedFile(field: name, name: fileName, path: path, size: 0)
        } else {
            fieldName = name
        }
    }

    func abandon() {
        try? handle?.close()
        handle = nil
    }
}
