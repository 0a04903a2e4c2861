import ArgumentParser
import Foundation
import ZizhuArchive
import ZizhuExport
import ZizhuServer

/// `zizhu district summary|bulletin`: the district's 汇总表 of a term and monthly 通报, from the rounds the
/// schools submitted through `zizhu serve`.
struct DistrictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "district",
        abstract: "区级汇总表与月度通报：从网页版收到的各校轮次生成 Excel（含图表）。District summary and monthly bulletin.",
        discussion: """
        数据来自 zizhu serve：区级数据库（--archive postgres://…，或 $\(ArchiveStores.environmentVariable)），\
        或单机网页版的数据文件夹（--data）。只统计学校已提交给区里的轮次；不含学生个人信息。
        """,
        subcommands: [Summary.self, Bulletin.self])

    struct Source: ParsableArguments {
        @Option(help: ArgumentHelp("区级数据库 postgres://用户@主机/库（与 zizhu serve --archive 相同）。", valueName: "url"))
        var archive: String?

        @Option(help: ArgumentHelp("网页版的数据文件夹（默认 \(ServerConfiguration.defaultDataDirectory)）。", valueName: "dir"))
        var data: String?

        @Option(help: ArgumentHelp("表头上的单位名称，如“某某区学生资助管理中心”。", valueName: "name"))
        var district = DistrictWorkbooks.defaultOffice

        @Option(name: [.short, .customLong("output")], help: ArgumentHelp("输出文件。", valueName: "file"))
        var output: String?

        mutating func validate() throws {
            if let archive, !ArchiveStores.isDatabaseURL(archive) {
                throw ValidationError("--archive 应是 postgres://… 数据库地址；单机网页版请用 --data 指定数据文件夹")
            }
        }

        /// The server's store of rounds, which must exist already.
        func openStore() throws -> any RoundStore {
            let environment = ProcessInfo.processInfo.environment[ArchiveStores.environmentVariable] ?? ""
            let database = archive ?? (ArchiveStores.isDatabaseURL(environment) && data == nil ? environment : nil)
            let configuration = ServerConfiguration(dataDirectory: data ?? ServerConfiguration.defaultDataDirectory,
                                                    archive: database)
            let location = configuration.roundStoreLocation
            if !ArchiveStores.isDatabaseURL(location) && !FileManager.default.fileExists(atPath: location) {
                throw CLIFailure("没有找到网页版的数据 \(location)：请用 --data 指定 zizhu serve 的数据文件夹，或用 --archive 指定区级数据库")
            }
            do { return try RoundStores.open(location) } catch { throw CLIFailure(error.description) }
        }

        func write(_ default: String, _ body: (String) throws -> Void) throws {
            let path = output ?? `default`
            do { try body(path) } catch { throw CLIFailure("\(path)：\(error)") }
            Terminal.print("已生成 \(path)")
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "区资助汇总表：一个学期各校的轮次、人数、金额、问题率、大龄占比、覆盖率，附图表。")

        @OptionGroup var source: Source

        @Option(help: ArgumentHelp("学期，如“秋季学期”（默认：最近的学期）。", valueName: "term"))
        var term: String?

        @Option(help: ArgumentHelp("年度，如 2026（与 --term 一起）。", valueName: "year"))
        var year: Int?

        @Option(help: ArgumentHelp("只统计一个资助项目，如“国家助学金”（默认：全部项目）。", valueName: "program"))
        var program: String?

        mutating func validate() throws {
            if (term == nil) != (year == nil) { throw ValidationError("--term 与 --year 要一起给出，如 --term 秋季学期 --year 2026") }
        }

        func run() throws {
            let store = try source.openStore()
            let period = term.map { DistrictPeriod(term: $0, year: year ?? 0, program: program) }
            let loaded: (summary: DistrictSummary, periods: [DistrictPeriod])?
            do { loaded = try DistrictSummary.load(from: store, period: period) } catch { throw CLIFailure(error.description) }
            guard let (summary, periods) = loaded else { throw CLIFailure("还没有任何学校上传过轮次，无法汇总") }
            if period != nil && !periods.contains(summary.period) {
                Terminal.error("提示：\(summary.period.title) 没有任何轮次；已有的学期：\(periods.map(\.title).joined(separator: "、"))")
            }
            try source.write(DistrictWorkbooks.summaryFileName) {
                try DistrictWorkbooks.writeSummary(summary, to: $0, district: source.district, generatedAt: DistrictCommand.now())
            }
        }
    }

    struct Bulletin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "月度资助工作通报（一月一通报）：各校本月报送、退回、逾期轮次，未报送的学校，主要问题，附图表。")

        @OptionGroup var source: Source

        @Option(help: ArgumentHelp("月份 YYYY-MM（默认：本月）。", valueName: "month"))
        var month: String?

        @Option(help: ArgumentHelp("本月报送截止日期 YYYY-MM-DD：之后提交的轮次列为逾期。", valueName: "date"))
        var deadline: String?

        mutating func validate() throws {
            if let month, !DistrictBulletin.isMonth(month) { throw ValidationError("--month 应写作 2026-11") }
            if let deadline, !DistrictBulletin.isDate(deadline) { throw ValidationError("--deadline 应写作 2026-11-20") }
        }

        func run() throws {
            let store = try source.openStore()
            let chosen = month ?? String(DistrictCommand.now().prefix(7))
            let bulletin: DistrictBulletin
            do { bulletin = try DistrictBulletin.load(from: store, month: chosen, deadline: deadline) } catch {
                throw CLIFailure(error.description)
            }
            try source.write(DistrictWorkbooks.bulletinFileName) {
                try DistrictWorkbooks.writeBulletin(bulletin, to: $0, district: source.district, generatedAt: DistrictCommand.now())
            }
        }
    }

    static func now() -> String { BeijingTime.now() }
}
