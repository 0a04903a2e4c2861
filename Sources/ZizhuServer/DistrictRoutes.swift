import Foundation
import Hummingbird
import ZizhuArchive
import ZizhuExport

/// The inspector's view of a district's server: `/district` (the figures per school, sortable, with charts)
/// and its two workbooks, `/district/summary.xlsx` (the term's 汇总表) and `/district/bulletin.xlsx` (the
/// month's 通报). Reviewers and administrators only; anyone else is answered 404, as for a missing page.
struct DistrictRoutes: Sendable {
    let server: ZizhuServer
    var store: any RoundStore { server.service.store }

    @Sendable func page(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = server.viewer(visit), viewer.mayInspect else { return failure(visit, .notFound) }
        let view: Pages.DistrictView?
        do {
            view = try DistrictSummary.load(from: store, period: Self.period(request)).map { loaded in
                let sort = request.uri.queryParameters.get("sort").flatMap(DistrictSummary.SortKey.init(rawValue:)) ?? .school
                return Pages.DistrictView(summary: loaded.summary, periods: loaded.periods, sort: sort,
                                          descending: request.uri.queryParameters.get("order") == "desc")
            }
        } catch {
            return failure(visit, .storeUnavailable(error))
        }
        let (csrf, isNew) = visit.csrfToken()
        var response = Respond.html(Pages.layout(visit.text, title: visit.text.district, path: "/district", csrf: csrf,
                                                 signedIn: true, body: Pages.district(visit.text, view), viewer: viewer))
        if isNew { response.setCookie(Visit.csrfCookie(csrf)) }
        return response
    }

    @Sendable func summary(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = server.viewer(visit), viewer.mayInspect else { return failure(visit, .notFound) }
        do throws(ServerError) {
            let loaded: (summary: DistrictSummary, periods: [DistrictPeriod])?
            do { loaded = try DistrictSummary.load(from: store, period: Self.period(request)) } catch {
                throw ServerError.storeUnavailable(error)
            }
            guard let summary = loaded?.summary else { throw ServerError.notFound }
            try server.audit(viewer, "downloaded", detail: "district-summary \(summary.period.title)")
            return try workbook(DistrictWorkbooks.summaryFileName) { path in
                try DistrictWorkbooks.writeSummary(summary, to: path, district: DistrictWorkbooks.defaultOffice,
                                                   generatedAt: BeijingTime.now())
            }
        } catch {
            return failure(visit, error)
        }
    }

    @Sendable func bulletin(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let visit = Visit(request)
        guard let viewer = server.viewer(visit), viewer.mayInspect else { return failure(visit, .notFound) }
        let month = request.uri.queryParameters.get("month") ?? ""
        let deadline = (request.uri.queryParameters.get("deadline") ?? "").trimmingCharacters(in: .whitespaces)
        guard DistrictBulletin.isMonth(month), deadline.isEmpty || DistrictBulletin.isDate(deadline) else {
            return failure(visit, ServerError(.badRequest, code: "month", zh: visit.text.badMonth, en: visit.text.badMonth))
        }
        do throws(ServerError) {
            let bulletin: DistrictBulletin
            do {
                bulletin = try DistrictBulletin.load(from: store, month: month, deadline: deadline.isEmpty ? nil : deadline)
            } catch {
                throw ServerError.storeUnavailable(error)
            }
            try server.audit(viewer, "downloaded", detail: "district-bulletin \(month)")
            return try workbook(DistrictWorkbooks.bulletinFileName.replacingOccurrences(of: ".xlsx", with: "-\(month).xlsx")) { path in
                try DistrictWorkbooks.writeBulletin(bulletin, to: path, district: DistrictWorkbooks.defaultOffice,
                                                    generatedAt: BeijingTime.now())
            }
        } catch {
            return failure(visit, error)
        }
    }

    /// The period a query names (`term`, `year`, `program`; or the page's `period` select, which holds them as
    /// one query string); nil: the newest.
    static func period(_ request: Request) -> DistrictPeriod? {
        var parameters: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { parameters[String(key)] = String(value) }
        if let combined = parameters["period"] {
            for pair in combined.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
                if parts.count == 2 { parameters[parts[0]] = parts[1] }
            }
        }
        guard let term = parameters["term"], !term.isEmpty, let year = parameters["year"].flatMap({ Int($0) }) else { return nil }
        return DistrictPeriod(term: term, year: year, program: parameters["program"])
    }

    /// Writes a workbook into the data folder, answers with it and removes it: nothing stays behind the request.
    private func workbook(_ name: String, _ write: (String) throws -> Void) throws(ServerError) -> Response {
        let path = server.configuration.dataDirectory + "/.district-" + Token.make() + ".xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { try write(path) } catch {
            throw ServerError(.internalServerError, code: "workbook", zh: "未能生成 \(name)（\(error)）。",
                              en: "Could not write \(name) (\(error)).")
        }
        guard let response = Respond.download(path: path, name: name) else { throw ServerError.notFound }
        return response
    }

    private func failure(_ visit: Visit, _ error: ServerError) -> Response {
        Respond.html(Pages.layout(visit.text, title: visit.text.errorHeading, path: "/district", csrf: nil, signedIn: false,
                                  body: Pages.failure(visit.text, message: error.message(visit.language))),
                     status: error.status)
    }
}
