import ArgumentParser
import Foundation
import ZizhuArchive
import ZizhuServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动网页版：在浏览器中上传班级名单、查看问题、下载全部文件。Start the web page.",
        discussion: """
        默认只在本机（127.0.0.1）监听，浏览器打开 http://127.0.0.1:8080/ 即可。让局域网内其他电脑访问（--host 0.0.0.0）\
        前须先用 --set-password 设置密码。按 Ctrl-C 停止。

        区级（学校、教办、区三级审核）：--archive postgres://… 让各校的轮次、账号和资助档案都存在区里的数据库中；\
        先用 --add-admin 建立管理员，管理员在网页的“管理”页添加学校和人员。有了账号，人人须以自己的账号登录。
        """)

    @Option(help: ArgumentHelp("端口（默认 8080；0 自动选择）。", valueName: "port"))
    var port = 8080

    @Option(help: ArgumentHelp("监听地址（默认 127.0.0.1，只有本机可访问）。", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("数据文件夹：保存各轮上传的文件、生成的文件和密码（默认 \(ServerConfiguration.defaultDataDirectory)）。",
                               valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("一次上传的大小上限，单位 MB（默认 200）。", valueName: "MB"))
    var maxUpload = 200

    @OptionGroup var archiveOptions: ArchiveOptions

    @Flag(help: "从标准输入读入新密码（至少 8 个字符），以加盐哈希保存在数据文件夹后退出。Set the password.")
    var setPassword = false

    @Option(help: ArgumentHelp("建立区级管理员账号（登录名），从标准输入读入其密码（至少 8 个字符）后退出。", valueName: "login"))
    var addAdmin: String?

    @Option(help: ArgumentHelp("与 --add-admin 一起：管理员的姓名。", valueName: "name"))
    var adminName = ""

    mutating func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("端口应在 0 到 65535 之间") }
        guard maxUpload > 0 else { throw ValidationError("--max-upload 应大于 0（单位 MB）") }
    }

    func run() async throws {
        let dataDirectory = data ?? ServerConfiguration.defaultDataDirectory
        if setPassword {
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw CLIFailure("没有读到密码：请在标准输入中给出，例如 zizhu serve --set-password < 密码文件")
            }
            do { try ZizhuServer.setPassword(password, dataDirectory: dataDirectory) } catch { throw CLIFailure(error.description) }
            Terminal.print("密码已设置（只保存加盐哈希，\(dataDirectory)/password.bcrypt）。")
            return
        }
        // The server opens the archive itself (and refuses to start when it cannot).
        let configuration = ServerConfiguration(host: host, port: port, dataDirectory: dataDirectory,
                                                maxUploadBytes: maxUpload << 20,
                                                archive: archiveOptions.location(creating: false))
        if let login = addAdmin {
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw CLIFailure("没有读到密码：请在标准输入中给出，例如 zizhu serve --add-admin admin < 密码文件")
            }
            do {
                try ZizhuServer.addAdministrator(login: login, name: adminName, password: password,
                                                 configuration: configuration)
            } catch {
                throw CLIFailure(error.description)
            }
            let place = ArchiveStores.isDatabaseURL(configuration.roundStoreLocation)
                ? "区级数据库" : configuration.roundStoreLocation
            Terminal.print("管理员 \(login) 已建立（密码只保存加盐哈希，在\(place)中）。")
            return
        }
        let server: ZizhuServer
        do { server = try ZizhuServer(configuration) } catch { throw CLIFailure(error.description) }
        try await server.run { host, port in
            let shown = host.contains(":") ? "[\(host)]" : host
            Terminal.print("zizhu serve：请在浏览器中打开 http://\(shown):\(port)/（Ctrl-C 停止）")
        }
    }
}
