import ArgumentParser
import ZizhuRound

/// `--enrolment FILE` and `--evidence KIND=FILE` (issue 8), shared by check, run and missed.
struct CrossCheckOptions: ParsableArguments {
    @Option(help: ArgumentHelp("学籍系统导出的在校生名单（CSV/TXT）：核对是否在籍、姓名年级班级是否一致。", valueName: "file"))
    var enrolment: String?

    @Option(help: ArgumentHelp("困难认定名单，可重复：类型=文件，如 低保=低保名单.csv（类型为政策中的困难类型或别名）。",
                               valueName: "kind=file"))
    var evidence: [String] = []

    mutating func validate() throws {
        for item in evidence {
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex,
                  item.index(after: equals) != item.endIndex
            else {
                throw ValidationError("--evidence 的写法是 类型=文件，例如 --evidence 低保=低保名单.csv（收到“\(item)”）")
            }
        }
    }

    var enrolmentInput: RoundInput? { enrolment.map { .file(path: $0) } }

    var evidenceInputs: [EvidenceInput] {
        evidence.compactMap { item in
            guard let equals = item.firstIndex(of: "=") else { return nil }
            return EvidenceInput(kind: String(item[..<equals]), list: .file(path: String(item[item.index(after: equals)...])))
        }
    }

    /// The request with these lists to check against.
    func adding(to request: RoundRequest) -> RoundRequest {
        var request = request
        request.enrolment = enrolmentInput
        request.evidence = evidenceInputs
        return request
    }
}
