import Foundation
import ZizhuArchive
import ZizhuCore

/// The district's parts of the pages: a round's state and the actions on it, the cross-school findings, the
/// list of rounds with their schools, the administrator's page. Every value is escaped; identifiers masked.
extension Pages {
    static func review(_ text: PageText, round: StoredRound, viewer: Viewer, csrf: String, school: String,
                       findings: [Finding]) -> String {
        let path = "/rounds/\(round.id)"
        var html = "<section id=\"review\"><h2>\(text.reviewHeading)</h2>"
        html += "<p id=\"state\" class=\"state-\(round.state.rawValue)\">\(escapeHTML(text.stateLine(round, school: school)))</p>"
        if !round.reason.isEmpty {
            html += "<p id=\"reason\" class=\"bad\">\(text.returnReason)：\(escapeHTML(round.reason))</p>"
        }
        let hidden = "<input type=\"hidden\" name=\"csrf\" value=\"\(escapeHTML(csrf))\">"
            + "<input type=\"hidden\" name=\"version\" value=\"\(round.version)\">"
        for action in viewer.actions(on: round) {
            switch action {
            case .submit:
                html += "<p class=\"hint\">\(text.submitHint)</p><form id=\"submit-round\" method=\"post\" action=\"\(path)/submit\">"
                    + hidden + "<button type=\"submit\">\(text.submitRound)</button></form>"
            case .approve:
                html += "<form id=\"approve-round\" class=\"inline\" method=\"post\" action=\"\(path)/approve\">" + hidden
                    + "<button type=\"submit\">\(text.approve)</button></form>"
            case .pay:
                html += "<form id=\"pay-round\" class=\"inline\" method=\"post\" action=\"\(path)/pay\">" + hidden
                    + "<button type=\"submit\">\(text.markPaid)</button></form>"
            case .return:
                html += "<form id=\"return-round\" method=\"post\" action=\"\(path)/return\">" + hidden
                    + "<label for=\"reason-text\">\(text.returnReason)</label>"
                    + "<textarea id=\"reason-text\" name=\"reason\" maxlength=\"500\" required></textarea>"
                    + "<button type=\"submit\">\(text.returnRound)</button></form>"
            }
        }
        html += "<h2>\(text.crossSchoolHeading)</h2>"
        if round.state == .draft { html += "<p class=\"hint\">\(text.crossSchoolPending)</p>" }
        guard !findings.isEmpty else { return html + "<p id=\"cross-school\">\(text.noCrossSchool)</p></section>" }
        let language = text.language
        html += "<table id=\"cross-school\"><thead><tr>"
            + text.crossSchoolColumns.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for finding in findings {
            html += "<tr class=\"\(finding.severity.rawValue)\"><td>\(escapeHTML(finding.location.file))</td>"
                + "<td>\(finding.location.line.map(String.init) ?? "")</td><td>\(escapeHTML(finding.field ?? ""))</td>"
                + "<td>\(text.severity(finding.severity.rawValue))</td>"
                + "<td>\(escapeHTML(MessageCatalog.message(for: finding, language: language)))</td>"
                + "<td>\(escapeHTML(MessageCatalog.fix(for: finding, language: language)))</td>"
                + "<td><code>\(escapeHTML(finding.code.rawValue))</code></td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    static func districtRounds(_ text: PageText, _ rounds: [StoredRound], schools: [String: String]) -> String {
        guard !rounds.isEmpty else { return "<h1>\(text.roundsHeading)</h1><p id=\"rounds\">\(text.noRounds)</p>" }
        var html = "<h1>\(text.roundsHeading)</h1><table id=\"rounds\"><thead><tr>"
            + text.districtRoundsColumns.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for round in rounds {
            html += "<tr class=\"state-\(round.state.rawValue)\"><td>\(escapeHTML(String(round.createdAt.prefix(16)).replacingOccurrences(of: "T", with: " ")))</td>"
                + "<td>\(escapeHTML(schools[round.schoolCode] ?? round.schoolCode))</td>"
                + "<td><a href=\"/rounds/\(round.id)\">\(escapeHTML(round.label))</a></td>"
                + "<td>\(text.state(round.state))</td><td>\(round.rows)</td><td>\(round.accepted)</td><td>\(round.returned)</td>"
                + "<td>\(money(round.amountAccepted).groupedString)</td></tr>"
        }
        return html + "</tbody></table>"
    }

    static func admin(_ text: PageText, csrf: String, schools: [School], accounts: [Account], audit: [AuditEntry],
                      notice: String?) -> String {
        let token = "<input type=\"hidden\" name=\"csrf\" value=\"\(escapeHTML(csrf))\">"
        var html = "<h1>\(text.adminHeading)</h1>"
        if notice != nil { html += "<p id=\"notice\" class=\"ok\">\(text.saved)</p>" }
        html += "<h2>\(text.schoolsHeading)</h2><table id=\"schools\"><thead><tr><th>\(text.schoolCode)</th><th>\(text.schoolName)</th></tr></thead><tbody>"
        for school in schools { html += "<tr><td>\(escapeHTML(school.code))</td><td>\(escapeHTML(school.name))</td></tr>" }
        html += "</tbody></table><form id=\"add-school\" method=\"post\" action=\"/admin/schools\">" + token
            + "<label for=\"school-code\">\(text.schoolCode)</label><input id=\"school-code\" name=\"code\" required maxlength=\"40\">"
            + "<label for=\"school-name\">\(text.schoolName)</label><input id=\"school-name\" name=\"name\" required maxlength=\"100\">"
            + "<button type=\"submit\">\(text.addSchool)</button></form>"

        let names = Dictionary(schools.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        html += "<h2>\(text.accountsHeading)</h2><table id=\"accounts\"><thead><tr><th>\(text.login)</th><th>\(text.personName)</th>"
            + "<th>\(text.roleLabel)</th><th>\(text.schoolName)</th><th></th></tr></thead><tbody>"
        for account in accounts {
            let school = account.schoolCode.map { names[$0] ?? $0 } ?? ""
            let state = account.disabled ? text.disabled
                : "<form class=\"inline\" method=\"post\" action=\"/admin/accounts/disable\">\(token)<input type=\"hidden\" name=\"login\" value=\"\(escapeHTML(account.login))\"><button type=\"submit\" class=\"link\">\(text.disable)</button></form>"
            html += "<tr><td>\(escapeHTML(account.login))</td><td>\(escapeHTML(account.name))</td><td>\(text.role(account.role))</td>"
                + "<td>\(escapeHTML(school))</td><td>\(state)</td></tr>"
        }
        html += "</tbody></table><form id=\"add-account\" method=\"post\" action=\"/admin/accounts\" autocomplete=\"off\">" + token
            + "<label for=\"account-login\">\(text.login)</label><input id=\"account-login\" name=\"login\" required maxlength=\"40\">"
            + "<label for=\"account-name\">\(text.personName)</label><input id=\"account-name\" name=\"name\" maxlength=\"50\">"
            + "<label for=\"account-role\">\(text.roleLabel)</label><select id=\"account-role\" name=\"role\">"
            + Role.allCases.map { "<option value=\"\($0.rawValue)\">\(text.role($0))</option>" }.joined() + "</select>"
            + "<label for=\"account-school\">\(text.schoolLabel)</label><select id=\"account-school\" name=\"school\"><option value=\"\">\(text.noSchool)</option>"
            + schools.map { "<option value=\"\(escapeHTML($0.code))\">\(escapeHTML($0.name))</option>" }.joined() + "</select>"
            + "<label for=\"account-password\">\(text.firstPassword)</label><input id=\"account-password\" name=\"password\" type=\"password\" required minlength=\"8\" autocomplete=\"new-password\">"
            + "<button type=\"submit\">\(text.addAccount)</button></form>"

        html += "<h2>\(text.auditHeading)</h2><table id=\"audit\"><thead><tr>"
            + text.auditColumns.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for entry in audit {
            html += "<tr><td>\(escapeHTML(String(entry.at.prefix(19)).replacingOccurrences(of: "T", with: " ")))</td>"
                + "<td>\(escapeHTML(entry.login))</td><td>\(escapeHTML(entry.role))</td><td>\(escapeHTML(entry.action))</td>"
                + "<td>\(escapeHTML(names[entry.schoolCode] ?? entry.schoolCode))</td><td>\(escapeHTML(entry.roundID))</td>"
                + "<td>\(escapeHTML(entry.detail))</td></tr>"
        }
        return html + "</tbody></table>"
    }
}

/// 区内汇总 (`/district`): the period's figures per school, sortable by any column, with the amount per school
/// and the findings per code drawn as SVG; links to the 汇总表 and the 通报. Schools, counts and amounts only.
extension Pages {
    struct DistrictView {
        var summary: DistrictSummary
        var periods: [DistrictPeriod]
        var sort: DistrictSummary.SortKey
        var descending: Bool
    }

    /// The query naming a period: `term`, `year` and, when set, `program`.
    static func query(_ period: DistrictPeriod) -> String {
        "term=\(escapeQuery(period.term))&year=\(period.year)" + (period.program.map { "&program=\(escapeQuery($0))" } ?? "")
    }

    static func district(_ text: PageText, _ view: DistrictView?) -> String {
        var html = "<h1>\(text.districtHeading)</h1>"
        guard let view else { return html + "<p id=\"district\">\(text.noPeriod)</p>" }
        let summary = view.summary
        let here = query(summary.period)
        html += "<form id=\"period\" method=\"get\" action=\"/district\"><label for=\"period-choice\">\(text.periodLabel)</label>"
            + "<select id=\"period-choice\" name=\"period\">"
        for period in view.periods {
            let selected = period == summary.period ? " selected" : ""
            html += "<option value=\"\(escapeHTML(query(period)))\"\(selected)>\(escapeHTML(period.title))</option>"
        }
        html += "</select> <button type=\"submit\">\(text.show)</button></form>"
        html += "<p class=\"hint\">\(text.countingRule)</p>"

        html += "<table id=\"district\"><thead><tr>"
        for (key, title) in text.districtColumns {
            let isCurrent = key == view.sort.rawValue
            let order = isCurrent && !view.descending ? "desc" : (isCurrent ? "asc" : (key == "school" ? "asc" : "desc"))
            let mark = isCurrent ? (view.descending ? " ▼" : " ▲") : ""
            let aria = isCurrent ? " aria-sort=\"\(view.descending ? "descending" : "ascending")\"" : ""
            html += "<th\(aria)><a href=\"/district?\(escapeHTML(here))&amp;sort=\(key)&amp;order=\(order)\">\(title)\(mark)</a></th>"
        }
        html += "</tr></thead><tbody>"
        for line in summary.schools(sortedBy: view.sort, descending: view.descending) {
            html += districtRow(text, line, isTotal: false)
        }
        html += "</tbody><tfoot>" + districtRow(text, summary.total, isTotal: true) + "</tfoot></table>"

        let amounts = summary.schools(sortedBy: .amount, descending: true).map {
            SVGBarChart.Bar(label: $0.name, value: Double($0.amount.fen), valueText: $0.amount.groupedString)
        }
        html += "<div class=\"charts\">"
            + SVGBarChart(id: "chart-amount", title: text.amountChartTitle, unit: text.amountUnit, bars: amounts).svg
        if summary.codes.isEmpty {
            html += "<p id=\"chart-codes\">\(text.noCodes)</p>"
        } else {
            let codes = summary.codes.prefix(20).map {
                SVGBarChart.Bar(label: $0.code, value: Double($0.count), valueText: String($0.count), tone: $0.severity.rawValue)
            }
            html += SVGBarChart(id: "chart-codes", title: text.codesChartTitle, unit: text.codesUnit, bars: Array(codes)).svg
        }
        html += "</div>"

        html += "<h2>\(text.districtDownloads)</h2><p><a id=\"summary-xlsx\" class=\"button\" href=\"/district/summary.xlsx?\(escapeHTML(here))\">\(text.summaryWorkbook)</a></p>"
            + "<form id=\"bulletin\" method=\"get\" action=\"/district/bulletin.xlsx\">"
            + "<label for=\"bulletin-month\">\(text.bulletinMonth)</label><input id=\"bulletin-month\" name=\"month\" type=\"month\" required value=\"\(String(BeijingTime.now().prefix(7)))\">"
            + "<label for=\"bulletin-deadline\">\(text.bulletinDeadline)</label><input id=\"bulletin-deadline\" name=\"deadline\" type=\"date\">"
            + "<button type=\"submit\">\(text.bulletinWorkbook)</button></form>"
        return html
    }

    private static func districtRow(_ text: PageText, _ line: DistrictSummary.SchoolLine, isTotal: Bool) -> String {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "—" }
        let states = RoundState.allCases.compactMap { state in
            line.states[state].map { "\(text.state(state)) \($0)" }
        }
        let rounds = states.isEmpty ? (isTotal ? "" : "<span class=\"bad\">\(text.notSubmitted)</span>")
            : escapeHTML(states.joined(separator: " · "))
        return "<tr\(isTotal ? " class=\"total\"" : "")><td>\(escapeHTML(isTotal ? text.totalLabel : line.name))</td>"
            + "<td>\(rounds)</td><td>\(line.applicants)</td><td>\(line.accepted)</td><td>\(line.returned)</td>"
            + "<td>\(line.amount.groupedString)</td>"
            + "<td>\(line.errorsPer100Rows.map { String(format: "%.1f", $0) } ?? "—")</td>"
            + "<td>\(percent(line.overAgeShare))</td><td>\(percent(line.coverage))</td></tr>"
    }
}
