import Testing
@testable import ZizhuServer

@Suite struct SVGBarChartTests {
    static let chart = SVGBarChart(id: "chart-amount", title: "各校通过金额（元）", unit: "金额（元）", bars: [
        .init(label: "示例县第一中学", value: 200, valueText: "200.00"),
        .init(label: "<script>", value: 50, valueText: "50.00", tone: "error"),
        .init(label: "示例县第三中学", value: 0, valueText: "0.00"),
    ])

    @Test func barsAreScaledToTheLargestValueAndLabelled() throws {
        let svg = Self.chart.svg
        #expect(svg.hasPrefix("<svg id=\"chart-amount\"") && svg.hasSuffix("</svg>"))
        let widths = svg.split(separator: "<rect ").dropFirst().compactMap { part -> Int? in
            guard let range = part.range(of: "width=\"") else { return nil }
            return Int(part[range.upperBound...].prefix { $0.isNumber })
        }
        #expect(widths.count == 3)
        #expect(widths[0] > 0 && abs(widths[1] * 4 - widths[0]) <= 4 && widths[2] == 0)
        #expect(svg.contains(">200.00</text>") && svg.contains("示例县第一中学"))
        #expect(svg.contains("#b3261e"))
    }

    @Test func labelsAreEscapedAndNothingIsFetched() {
        let svg = Self.chart.svg
        #expect(!svg.contains("<script>") && svg.contains("&lt;script&gt;"))
        #expect(!svg.contains("href") && !svg.contains("https://"))
    }

    @Test func longLabelsAreShortenedByDisplayWidth() {
        #expect(SVGBarChart.shortened("示例县第一中学", columns: 20) == "示例县第一中学")
        #expect(SVGBarChart.shortened("某某市某某区某某镇第一中心小学", columns: 12) == "某某市某某…")
        #expect(SVGBarChart.shortened("ABCDEFGHIJ", columns: 6) == "ABCDE…")
    }

    @Test func anEmptyChartIsStillAPicture() {
        let svg = SVGBarChart(id: "none", title: "无", unit: "", bars: []).svg
        #expect(svg.contains("<title>无</title>") && !svg.contains("<rect"))
    }
}
