import Foundation
import ZizhuRound

/// Output to the terminal. stdout carries results; stderr carries errors and progress.
enum Terminal {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("zizhu: " + text + "\n").utf8))
    }

    static let stderrIsTerminal = isatty(2) == 1

    /// A progress line that overwrites itself on a terminal; silent when stderr is a file or pipe.
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// A round's progress as that line.
    @Sendable static func roundProgress(_ progress: RoundProgress) {
        Terminal.progress(progress.text)
    }

    static func endProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
