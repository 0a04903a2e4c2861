import ZizhuXLSX

/// A horizontal bar chart as inline SVG, drawn by the server: no script, no font or file from elsewhere, so
/// the page shows (and prints) the same offline. One bar per label, the value written at its end.
struct SVGBarChart {
    struct Bar {
        var label: String
        var value: Double
        /// What is written at the bar's end (`12,345.00`, `37`).
        var valueText: String
        /// `error` draws the bar red, `warning` amber, `info` grey; anything else the page's colour.
        var tone: String = ""
    }

    var id: String
    var title: String
    /// Under the axis: what the values are (`金额（元）`).
    var unit: String
    var bars: [Bar]

    static let width = 720
    static let barHeight = 18
    static let gap = 6
    /// Pixels per display column of a label (a 汉字 is two columns).
    static let pixelsPerColumn = 7

    var svg: String {
        let labelWidth = min(260, max(60, (bars.map { DisplayWidth.of($0.label) }.max() ?? 0) * Self.pixelsPerColumn + 12))
        let valueWidth = max(60, (bars.map { $0.valueText.count }.max() ?? 0) * Self.pixelsPerColumn + 12)
        let plotWidth = Self.width - labelWidth - valueWidth
        let top = 30
        let height = top + bars.count * (Self.barHeight + Self.gap) + 28
        let largest = bars.map(\.value).max() ?? 0
        var svg = "<svg id=\"\(escapeHTML(id))\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
            + " width=\"\(Self.width)\" height=\"\(height)\" viewBox=\"0 0 \(Self.width) \(height)\""
            + " font-family=\"Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif\" font-size=\"12\">"
            + "<title>\(escapeHTML(title))</title>"
            + "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"bold\" fill=\"#222\">\(escapeHTML(title))</text>"
        for (position, bar) in bars.enumerated() {
            let y = top + position * (Self.barHeight + Self.gap)
            let length = largest > 0 ? max(bar.value > 0 ? 1 : 0, Int((bar.value / largest * Double(plotWidth)).rounded())) : 0
            let fill = switch bar.tone {
            case "error": "#b3261e"
            case "warning": "#c77700"
            case "info": "#6b7785"
            default: "#8b1a1a"
            }
            svg += "<g class=\"bar\"><text x=\"\(labelWidth - 6)\" y=\"\(y + 13)\" text-anchor=\"end\" fill=\"#222\">"
                + "\(escapeHTML(Self.shortened(bar.label, columns: (labelWidth - 12) / Self.pixelsPerColumn)))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(Self.barHeight)\" fill=\"\(fill)\">"
                + "<title>\(escapeHTML(bar.label))：\(escapeHTML(bar.valueText))</title></rect>"
                + "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 13)\" fill=\"#222\">\(escapeHTML(bar.valueText))</text></g>"
        }
        let axis = top + bars.count * (Self.barHeight + Self.gap)
        svg += "<line x1=\"\(labelWidth)\" y1=\"\(top - 4)\" x2=\"\(labelWidth)\" y2=\"\(axis)\" stroke=\"#999\"/>"
            + "<text x=\"\(labelWidth)\" y=\"\(axis + 18)\" fill=\"#666\">\(escapeHTML(unit))</text></svg>"
        return svg
    }

    /// `label` cut to `columns` display columns, ending in `…` when cut (the bar's tooltip has it whole).
    static func shortened(_ label: String, columns: Int) -> String {
        guard DisplayWidth.of(label) > columns else { return label }
        var kept = ""
        var used = 0
        for character in label {
            let width = DisplayWidth.of(String(character))
            if used + width > columns - 1 { break }
            kept.append(character)
            used += width
        }
        return kept + "…"
    }
}
