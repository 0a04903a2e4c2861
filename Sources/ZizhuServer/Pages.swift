import ZizhuArchive
import ZizhuCore
import ZizhuRound

/// The server-rendered pages. They work without JavaScript; `/static/app.js` adds drag and drop and a
/// "checking" notice. Every value is escaped; identifiers arrive masked.
enum Pages {
    static let findingsShown = 2_000

    /// The stored decimal text of an amount (written by the server from `Money.decimalString`).
    static func money(_ text: String) -> Money { (try? Money.parse(text).get()) ?? .zero }

    static func layout(_ text: PageText, title: String, path: String, csrf: String?, signedIn: Bool,
                       body: String, viewer: Viewer? = nil) -> String {
        let other = text.otherLanguage
        var links = ""
        if viewer?.mayUpload ?? true { links += "<a href=\"/\">\(text.upload)</a>" }
        if viewer?.roundsShown != nil || viewer == nil { links += "<a href=\"/rounds\">\(text.rounds)</a>" }
        if viewer?.mayInspect == true { links += "<a href=\"/district\">\(text.district)</a>" }
        if viewer?.isAdmin == true { links += "<a href=\"/admin\">\(text.admin)</a>" }
        let who = viewer?.account.map { "<span id=\"who\">\(escapeHTML($0.name))（\(text.role($0.role))）</span>" } ?? ""
        let signOut = signedIn && csrf != nil ? """
            <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="\(escapeHTML(csrf ?? ""))">\
            <button type="submit" class="link">\(text.signOut)</button></form>
            """ : ""
        return """
            <!doctype html>
            <html lang="\(text.htmlLanguage)">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapeHTML(title)) · \(text.appName)</title>
            <link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
            <body>
            <header><a class="brand" href="/">\(text.appName)</a>
            <nav>\(links)\(who)\
            <a id="language" href="\(escapeHTML(path))?lang=\(other.code)">\(other.label)</a>\(signOut)</nav></header>
            <main>
            \(body)
            </main>
            </body></html>
            """
    }

    static func upload(_ text: PageText, csrf: String) -> String {
        """
        <h1>\(text.uploadTitle)</h1>
        <p class="hint">\(text.uploadHint)</p>
        <form id="upload-form" method="post" action="/rounds" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="\(escapeHTML(csrf))">
        <label for="files">\(text.sheetsLabel)</label>
        <div id="drop-zone" class="drop">\(text.dropHere)
        <input id="files" name="files" type="file" multiple required accept=".csv,.txt,.xlsx,.xls"></div>
        <label for="label">\(text.labelLabel)</label><input id="label" name="label" type="text" maxlength="100">
        <label for="policy">\(text.policyLabel)</label><input id="policy" name="policy" type="file" accept=".yaml,.yml">
        <label for="enrolment">\(text.enrolmentLabel)</label>
        <input id="enrolment" name="enrolment" type="file" accept=".csv,.txt,.xlsx">
        <label for="evidence">\(text.evidenceLabel)</label>
        <div class="pair"><input id="evidence-kind" name="evidenceKind" type="text" placeholder="\(text.evidenceKindPlaceholder)">
        <input id="evidence" name="evidence" type="file" accept=".csv,.txt,.xlsx"></div>
        <button id="submit" type="submit">\(text.submit)</button>
        <p id="working" class="hint" hidden>\(text.working)</p>
        </form>
        """
    }

    static func summary(_ text: PageText, _ round: StoredRound) -> String {
        var summary = Summary()
        summary.rows = round.rows
        summary.accepted = round.accepted
        summary.returned = round.returned
        summary.errors = round.errors
        summary.warnings = round.warnings
        summary.amountIn = money(round.amountIn)
        summary.amountAccepted = money(round.amountAccepted)
        summary.amountReturned = money(round.amountReturned)
        let holds = summary.rows == summary.accepted + summary.returned
            && summary.amountIn == summary.amountAccepted + summary.amountReturned
        return """
            <section class="summary"><h2>\(text.summaryHeading)</h2>
            <p id="summary">\(escapeHTML(Summaries.line(summary, language: text.language)))</p>
            <p id="identity" class="\(holds ? "ok" : "bad")">\(escapeHTML(Summaries.conservation(summary, language: text.language)))</p>
            </section>
            """
    }

    static func results(_ text: PageText, round: StoredRound, view: RoundView, code: String?, severity: String?) -> String {
        let path = "/rounds/\(round.id)"
        var html = "<h1>\(text.results)：\(escapeHTML(round.label))</h1>\n" + summary(text, round)
        html += "<p><a id=\"to-downloads\" href=\"\(path)/documents\">\(text.toDownloads)</a></p>\n"
        html += "<h2>\(text.inputsHeading)</h2><ul id=\"inputs\">"
        for input in view.inputs {
            html += "<li>\(escapeHTML(text.encodingLine(file: input.file, encoding: input.encoding, headerLine: input.headerLine, rows: input.rows)))</li>"
        }
        html += "</ul>\n<h2>\(text.findingsHeading)</h2>\n"
        // The filter: codes present in this round, severities.
        let codes = Array(Set(view.findings.map(\.code))).sorted()
        html += "<form id=\"filter\" method=\"get\" action=\"\(path)\"><select name=\"code\" id=\"filter-code\"><option value=\"\">\(text.allCodes)</option>"
        for item in codes {
            html += "<option value=\"\(escapeHTML(item))\"\(item == code ? " selected" : "")>\(escapeHTML(item))</option>"
        }
        html += "</select><select name=\"severity\" id=\"filter-severity\"><option value=\"\">\(text.allSeverities)</option>"
        for item in ["error", "warning", "info"] {
            html += "<option value=\"\(item)\"\(item == severity ? " selected" : "")>\(text.severity(item))</option>"
        }
        html += "</select><button type=\"submit\">\(text.apply)</button></form>\n"
        let shown = view.findings.filter { (code == nil || $0.code == code) && (severity == nil || $0.severity == severity) }
        guard !shown.isEmpty else { return html + "<p id=\"findings\">\(text.noFindings)</p>" }
        // Grouped by class, then file, in the order the round met them.
        var groups: [(key: String, findings: [RoundView.Finding])] = []
        var position: [String: Int] = [:]
        for finding in shown.prefix(findingsShown) {
            let className = finding.className.isEmpty ? (finding.line == nil ? text.wholeFile : text.noClass) : finding.className
            let key = className + " · " + finding.file
            if let index = position[key] { groups[index].findings.append(finding) } else {
                position[key] = groups.count
                groups.append((key, [finding]))
            }
        }
        if shown.count > findingsShown {
            html += "<p class=\"hint\">\(text.language == .zh ? "显示前 \(findingsShown) 条，共 \(shown.count) 条；全部见 问题清单.xlsx。" : "The first \(findingsShown) of \(shown.count) findings; all are in 问题清单.xlsx.")</p>"
        }
        let language = text.language.rawValue
        html += "<table id=\"findings\"><thead><tr>" + text.columns.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n"
        for group in groups {
            html += "<tbody><tr class=\"group\"><th colspan=\"6\">\(escapeHTML(group.key))</th></tr>\n"
            for finding in group.findings {
                html += "<tr class=\"\(finding.severity)\"><td>\(finding.line.map(String.init) ?? "")</td>"
                    + "<td>\(escapeHTML(finding.field ?? ""))</td><td>\(text.severity(finding.severity))</td>"
                    + "<td>\(escapeHTML(finding.message[language] ?? ""))</td><td>\(escapeHTML(finding.fix[language] ?? ""))</td>"
                    + "<td><code>\(escapeHTML(finding.code))</code></td></tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table>"
    }

    static func documents(_ text: PageText, round: StoredRound, documents: [StoredDocument]) -> String {
        let path = "/rounds/\(round.id)"
        var html = "<h1>\(text.downloadsHeading)：\(escapeHTML(round.label))</h1>\n" + summary(text, round)
        html += "<p><a href=\"\(path)\">\(text.toResults)</a></p>\n"
        html += "<p><a id=\"download-zip\" class=\"button\" href=\"\(path)/documents.zip\" download>\(text.downloadZip)</a></p>\n"
        html += "<ul id=\"documents\">"
        for document in documents where document.kind != "returned-class" {
            html += "<li><a href=\"\(path)/files/\(document.position)\" download>\(escapeHTML(document.fileName))</a> — "
                + "\(text.documentLabel(document.kind))\(document.rows.map { "（\($0)）" } ?? "")</li>"
        }
        html += "</ul>\n"
        let perClass = documents.filter { $0.kind == "returned-class" }
        if !perClass.isEmpty {
            html += "<h2>\(text.perClassHeading)</h2><ul id=\"returned-per-class\">"
            for document in perClass {
                let name = document.fileName.split(separator: "/").last.map(String.init) ?? document.fileName
                html += "<li><a href=\"\(path)/files/\(document.position)\" download>\(escapeHTML(name))</a>\(document.rows.map { "（\($0)）" } ?? "")</li>"
            }
            html += "</ul>"
        }
        return html
    }

    static func rounds(_ text: PageText, _ rounds: [StoredRound]) -> String {
        guard !rounds.isEmpty else { return "<h1>\(text.roundsHeading)</h1><p id=\"rounds\">\(text.noRounds)</p>" }
        var html = "<h1>\(text.roundsHeading)</h1><table id=\"rounds\"><thead><tr>"
            + text.roundsColumns.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for round in rounds {
            html += "<tr><td>\(escapeHTML(String(round.createdAt.prefix(16)).replacingOccurrences(of: "T", with: " ")))</td>"
                + "<td><a href=\"/rounds/\(round.id)\">\(escapeHTML(round.label))</a></td><td>\(round.rows)</td>"
                + "<td>\(round.accepted)</td><td>\(round.returned)</td>"
                + "<td>\(money(round.amountAccepted).groupedString)</td></tr>"
        }
        return html + "</tbody></table>"
    }

    static func failure(_ text: PageText, message: String) -> String {
        "<h1>\(text.errorHeading)</h1><p id=\"error\" class=\"bad\">\(escapeHTML(message))</p><p><a href=\"/\">\(text.back)</a></p>"
    }

    static func login(_ text: PageText, csrf: String, failed: Bool, withLogin: Bool) -> String {
        """
        <h1>\(text.loginHeading)</h1>
        \(failed ? "<p id=\"error\" class=\"bad\">\(withLogin ? text.wrongLogin : text.wrongPassword)</p>" : "")
        <form id="login-form" method="post" action="/login">
        <input type="hidden" name="csrf" value="\(escapeHTML(csrf))">
        \(withLogin ? "<label for=\"login-name\">\(text.login)</label><input id=\"login-name\" name=\"login\" type=\"text\" required autofocus autocomplete=\"username\">" : "")
        <label for="password">\(text.password)</label><input id="password" name="password" type="password" required\(withLogin ? "" : " autofocus") autocomplete="current-password">
        <button id="login" type="submit">\(text.loginButton)</button></form>
        """
    }
}
