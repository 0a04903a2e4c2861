/// GB18030 → UTF-8 for what a Chinese roster is made of — ASCII and the two-byte (GBK) codes — by table, with
/// iconv for everything else: four-byte codes (䶮, 𬭚), stray and invalid bytes, a character split across
/// blocks. The table is iconv's own answer for every two-byte code, asked once, so the text is the same as
/// iconv gives; glibc's converter goes through UCS-4 for each character and costs several times more.
enum GB18030Table {
    /// Two-byte codes: lead 0x81–0xFE, trail 0x40–0xFE (0x7F is no trail byte).
    static let leads = 0x81...0xFE
    static let trailCount = 0xFE - 0x40 + 1

    /// Per code: its UTF-8 bytes (lowest byte first) and their count in the top byte; 0 where iconv does not
    /// turn the code into one character of at most three bytes (those go to iconv each time).
    static let entries: [UInt32] = {
        var table = [UInt32](repeating: 0, count: leads.count * trailCount)
        guard let converter = try? IconvConverter(from: "GB18030") else { return table }
        var output: [UInt8] = []
        for lead in leads {
            for trail in 0x40...0xFE where trail != 0x7F {
                output.removeAll(keepingCapacity: true)
                let invalid = converter.invalidBytes
                [UInt8(lead), UInt8(trail)].withUnsafeBytes { converter.convert($0, final: true, into: &output) }
                guard converter.invalidBytes == invalid, (1...3).contains(output.count) else { continue }
                var entry = UInt32(output.count) << 24
                for (position, byte) in output.enumerated() { entry |= UInt32(byte) << (8 * position) }
                table[(lead - 0x81) * trailCount + trail - 0x40] = entry
            }
        }
        return table
    }()

    /// Converts from `start` as far as the table goes, writing to `output` (room for twice the input needed);
    /// returns where it stopped in the input and the bytes written.
    static func convert(_ input: UnsafePointer<UInt8>, from start: Int, count: Int,
                        into output: UnsafeMutablePointer<UInt8>) -> (read: Int, written: Int) {
        var read = start
        var written = 0
        entries.withUnsafeBufferPointer { table in
            while read < count {
                // ASCII eight bytes at a time: the digits of IDs and cards, commas, line ends.
                if read + 8 <= count {
                    let word = UnsafeRawPointer(input + read).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
                        read += 8
                        written += 8
                        continue
                    }
                }
                let lead = input[read]
                if lead < 0x80 {
                    output[written] = lead
                    read += 1
                    written += 1
                    continue
                }
                guard read + 1 < count, leads.contains(Int(lead)) else { return }
                let trail = input[read + 1]
                guard trail >= 0x40, trail != 0x7F, trail != 0xFF else { return }
                let entry = table[(Int(lead) - 0x81) * trailCount + Int(trail) - 0x40]
                guard entry != 0 else { return }
                UnsafeMutableRawPointer(output + written).storeBytes(of: entry.littleEndian, as: UInt32.self)
                written += Int(entry >> 24)
                read += 2
            }
        }
        return (read, written)
    }

    /// True when the four bytes at `offset` have the shape of a four-byte GB18030 code.
    static func isFourByteCode(_ input: UnsafePointer<UInt8>, at offset: Int, count: Int) -> Bool {
        guard offset + 3 < count else { return false }
        return leads.contains(Int(input[offset])) && (0x30...0x39).contains(input[offset + 1])
            && leads.contains(Int(input[offset + 2])) && (0x30...0x39).contains(input[offset + 3])
    }
}
