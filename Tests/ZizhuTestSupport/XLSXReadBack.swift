// Reads a written .xlsx back with openpyxl — a reader zizhu did not write — so tests check what Excel users
// will see, not what our writer believes it wrote. Needs `python3` with openpyxl (the Makefile installs it).
import Foundation

/// Everything a test wants to know about a workbook, as openpyxl sees it.
public struct XLSXReadBack: Decodable, Sendable {
    public struct Cell: Decodable, Sendable {
        public let row: Int          // 0-based
        public let column: Int       // 0-based
        /// `s` text, `n` number, `f` formula, `b` boolean.
        public let type: String
        public let text: String?
        /// The number, or a formula's cached value.
        public let number: Double?
        public let formula: String?
        public let numberFormat: String
        public let bold: Bool
    }

    public struct Sheet: Decodable, Sendable {
        public let name: String
        public let maxRow: Int
        public let maxColumn: Int
        public let cells: [Cell]
        public let merges: [String]
        public let freezePanes: String?
        public let printTitleRows: String?
        public let orientation: String?
        public let paperSize: Int?
        public let fitToHeight: Int?
        public let fitToPage: Bool
        public let autofilter: String?
        public let footer: String?
        public let ignoredNumberAsText: [String]
        public let columnWidths: [String: Double]
        public let inlineStrings: Bool
        /// The native charts drawn on this sheet, in the order of its drawing.
        public let charts: [Chart]
        /// Row 1's height in points (nil: the default) and whether A1 wraps: the title's.
        public let titleHeight: Double?
        public let titleWraps: Bool

        /// The cell at a 0-based position, nil when empty.
        public func cell(_ row: Int, _ column: Int) -> Cell? {
            index[Position(row: row, column: column)].map { cells[$0] }
        }

        /// Text of a cell (numbers formatted plainly), "" when empty.
        public func text(_ row: Int, _ column: Int) -> String {
            guard let cell = cell(row, column) else { return "" }
            if let text = cell.text { return text }
            if let number = cell.number { return number == number.rounded() ? String(Int(number)) : String(number) }
            return ""
        }

        /// The texts of one row, up to the last non-empty column of the sheet.
        public func rowTexts(_ row: Int) -> [String] {
            (0..<maxColumn).map { text(row, $0) }
        }

        /// The first row whose first cell reads `text`.
        public func firstRow(whereFirstCellIs text: String) -> Int? {
            cells.first { $0.column == 0 && $0.text == text }?.row
        }

        private struct Position: Hashable { let row: Int; let column: Int }
        private var index: [Position: Int] {
            var map: [Position: Int] = [:]
            for (i, cell) in cells.enumerated() { map[Position(row: cell.row, column: cell.column)] = i }
            return map
        }

        enum CodingKeys: String, CodingKey {
            case name, maxRow, maxColumn, cells, merges, freezePanes, printTitleRows, orientation, paperSize,
                 fitToHeight, fitToPage, autofilter, footer, ignoredNumberAsText, columnWidths, inlineStrings, charts, titleHeight, titleWraps
        }
    }

    public let sheets: [Sheet]
    public let title: String?
    public let creator: String?

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the workbook at `path`.
    public static func read(_ path: String) throws -> XLSXReadBack {
        let output = try runPython(script, arguments: [path])
        do {
            return try JSONDecoder().decode(XLSXReadBack.self, from: output)
        } catch {
            throw Failure(description: "cannot decode openpyxl's answer: \(error)")
        }
    }

    /// Runs `python3 -c script args…` and returns its stdout; throws with stderr on a non-zero exit.
    /// Output goes through temporary files, not pipes: Foundation's pipe reading traps on EINTR.
    public static func runPython(_ script: String, arguments: [String]) throws -> Data {
        let base = NSTemporaryDirectory() + "zizhu-readback-" + UUID().uuidString
        let outPath = base + ".out"
        let errPath = base + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        guard FileManager.default.createFile(atPath: outPath, contents: nil),
              FileManager.default.createFile(atPath: errPath, contents: nil),
              let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
            throw Failure(description: "cannot create temporary files for python3")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let data = FileManager.default.contents(atPath: outPath) ?? Data()
        guard process.terminationStatus == 0 else {
            let errors = FileManager.default.contents(atPath: errPath) ?? Data()
            throw Failure(description: "python3 failed (\(process.terminationStatus)): "
                          + String(decoding: errors, as: UTF8.self) + String(decoding: data, as: UTF8.self))
        }
        return data
    }

    /// A native chart as its XML says: kind, titles, the ranges it draws and where it is anchored.
    public struct Chart: Decodable, Sendable {
        /// `bar` (horizontal), `col`, `pie`, …
        public let kind: String
        /// `clustered`, `stacked`, … (nil for a pie).
        public let grouping: String?
        public let title: String?
        public let categoryAxisTitle: String?
        public let valueAxisTitle: String?
        /// `'汇总'!$C$4:$C$6` per series.
        public let categories: [String]
        public let values: [String]
        public let seriesNames: [String]
        public let fonts: [String]
        /// The 0-based cell of its top left corner.
        public let anchorRow: Int
        public let anchorColumn: Int
    }

    static let script = #"""
import sys, json, re, zipfile
import openpyxl
path = sys.argv[1]
formulas = openpyxl.load_workbook(path)
values = openpyxl.load_workbook(path, data_only=True)
zf = zipfile.ZipFile(path)
names = set(zf.namelist())
def rels(part):
    folder, _, name = part.rpartition("/")
    rel = folder + "/_rels/" + name + ".rels"
    if rel not in names:
        return []
    targets = re.findall(r'Target="([^"]+)"', zf.read(rel).decode("utf-8"))
    return [re.sub(r"[^/]+/\.\./", "", folder + "/" + t) for t in targets]
def text_of(xml):
    return "".join(re.findall(r"<a:t>(.*?)</a:t>", xml)) or None
def charts_of(sheet_part):
    found = []
    for drawing in [t for t in rels(sheet_part) if "/drawings/" in t]:
        anchors = re.findall(r"<xdr:from><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>.*?r:id=\"(rId\d+)\"",
                             zf.read(drawing).decode("utf-8"), re.S)
        folder, _, name = drawing.rpartition("/")
        rel_xml = zf.read(folder + "/_rels/" + name + ".rels").decode("utf-8")
        targets = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rel_xml))
        for col, row, rid in anchors:
            part = re.sub(r"[^/]+/\.\./", "", folder + "/" + targets[rid])
            xml = zf.read(part).decode("utf-8")
            kind = re.search(r"<c:barDir val=\"(\w+)\"/>", xml)
            grouping = re.search(r"<c:grouping val=\"(\w+)\"/>", xml)
            title = re.search(r"<c:chart><c:title>(.*?)</c:title>", xml, re.S)
            cat_axis = re.search(r"<c:catAx>.*?<c:title>(.*?)</c:title>", xml, re.S)
            val_axis = re.search(r"<c:valAx>.*?<c:title>(.*?)</c:title>", xml, re.S)
            found.append({
                "kind": kind.group(1) if kind else ("pie" if "<c:pieChart>" in xml else "other"),
                "grouping": grouping.group(1) if grouping else None,
                "title": text_of(title.group(1)) if title else None,
                "categoryAxisTitle": text_of(cat_axis.group(1)) if cat_axis else None,
                "valueAxisTitle": text_of(val_axis.group(1)) if val_axis else None,
                "categories": re.findall(r"<c:cat><c:\w+Ref><c:f>(.*?)</c:f>", xml),
                "values": re.findall(r"<c:val><c:numRef><c:f>(.*?)</c:f>", xml),
                "seriesNames": re.findall(r"<c:ser><c:idx val=\"\d+\"/><c:order val=\"\d+\"/><c:tx><c:v>(.*?)</c:v>", xml),
                "fonts": sorted(set(re.findall(r'<a:latin typeface="([^"]+)"', xml))),
                "anchorRow": int(row), "anchorColumn": int(col),
            })
    return found
out = {"sheets": [], "title": formulas.properties.title, "creator": formulas.properties.creator}
for position, ws in enumerate(formulas.worksheets):
    wv = values.worksheets[position]
    xml = zf.read("xl/worksheets/sheet%d.xml" % (position + 1)).decode("utf-8")
    cells = []
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = wv.cell(row=c.row, column=c.column).value
            cell = {"row": c.row - 1, "column": c.column - 1, "numberFormat": c.number_format,
                    "bold": bool(c.font and c.font.b), "text": None, "number": None, "formula": None}
            if isinstance(c.value, str) and c.value.startswith("=") and c.data_type == "f":
                cell["type"] = "f"; cell["formula"] = c.value
                if isinstance(v, (int, float)): cell["number"] = float(v)
                elif v is not None: cell["text"] = str(v)
            elif isinstance(c.value, bool):
                cell["type"] = "b"; cell["number"] = 1.0 if c.value else 0.0
            elif isinstance(c.value, (int, float)):
                cell["type"] = "n"; cell["number"] = float(c.value)
            else:
                cell["type"] = "s"; cell["text"] = str(c.value)
            cells.append(cell)
    footer = re.search(r"<oddFooter>(.*?)</oddFooter>", xml)
    ignored = re.findall(r'<ignoredError sqref="([^"]*)" numberStoredAsText="1"', xml)
    widths = {}
    for key, dim in ws.column_dimensions.items():
        if dim.width:
            widths[key] = dim.width
    out["sheets"].append({
        "name": ws.title, "maxRow": ws.max_row, "maxColumn": ws.max_column, "cells": cells,
        "merges": [str(r) for r in ws.merged_cells.ranges],
        "freezePanes": ws.freeze_panes,
        "printTitleRows": ws.print_title_rows,
        "orientation": ws.page_setup.orientation,
        "paperSize": int(ws.page_setup.paperSize) if ws.page_setup.paperSize is not None else None,
        "fitToHeight": int(ws.page_setup.fitToHeight) if ws.page_setup.fitToHeight is not None else None,
        "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
        "autofilter": ws.auto_filter.ref,
        "footer": footer.group(1) if footer else None,
        "ignoredNumberAsText": " ".join(ignored).split() if ignored else [],
        "columnWidths": widths,
        "inlineStrings": 't="inlineStr"' in xml,
        "charts": charts_of("xl/worksheets/sheet%d.xml" % (position + 1)),
        "titleHeight": ws.row_dimensions[1].height,
        "titleWraps": bool(ws["A1"].alignment and ws["A1"].alignment.wrap_text),
    })
json.dump(out, sys.stdout, ensure_ascii=False)
"""#
}
