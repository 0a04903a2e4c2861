import ArgumentParser

@main
struct Zizhu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zizhu",
        abstract: "资助名册检查与造册工具 — check class aid rosters and write the official paperwork."
    )
}
