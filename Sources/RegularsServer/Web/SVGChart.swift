import Foundation

/// Small server-rendered SVG charts. Colours are presentation attributes, not CSS, so the pages' content security
/// policy (no inline styles) holds; every label is XML-escaped.
enum SVGChart {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A retention heatmap: one row per cohort, one cell per period since acquisition, darker for a larger share.
    static func heatmap(rows: [(label: String, cells: [Double?])], title: String) -> String {
        let cell = 34.0
        let labelWidth = 86.0
        let columns = rows.map(\.cells.count).max() ?? 0
        let width = labelWidth + Double(columns) * cell + 4
        let height = Double(rows.count) * (cell * 0.7) + 24
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 \(number(width)) \(number(height))" \
            width="\(number(width))" height="\(number(height))" direction="ltr"><title>\(escape(title))</title>
            """
        for column in 0..<columns {
            let x = labelWidth + Double(column) * cell + cell / 2
            svg +=
                ##"<text x="\##(number(x))" y="14" font-size="11" text-anchor="middle" fill="#5b6475">\##(column)</text>"##
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = 20 + Double(rowIndex) * cell * 0.7
            svg +=
                ##"<text x="0" y="\##(number(y + cell * 0.5))" font-size="11" fill="#1d2330">\##(escape(row.label))</text>"##
            for (column, value) in row.cells.enumerated() {
                guard let value else { continue }
                let x = labelWidth + Double(column) * cell
                let shade = Int(235 - min(1, max(0, value)) * 190)
                let fill = String(format: "#%02x%02x%02x", shade / 3, shade / 2 + 20, shade / 2 + 10)
                let ink = value > 0.45 ? "#ffffff" : "#1d2330"
                svg +=
                    ##"<rect x="\##(number(x))" y="\##(number(y))" width="\##(number(cell - 2))" height="\##(number(cell * 0.7 - 2))" fill="\##(fill)"><title>\##(Int((value * 100).rounded()))%</title></rect>"##
                svg +=
                    ##"<text x="\##(number(x + cell / 2 - 1))" y="\##(number(y + cell * 0.45))" font-size="10" text-anchor="middle" fill="\##(ink)">\##(Int((value * 100).rounded()))</text>"##
            }
        }
        return svg + "</svg>"
    }

    /// A line through `values` (0…1) over evenly spaced x positions, with the axis labelled in percent.
    static func line(values: [Double], title: String) -> String {
        let width = 420.0
        let height = 180.0
        let pad = 28.0
        guard values.count > 1 else { return "" }
        let step = (width - 2 * pad) / Double(values.count - 1)
        let points = values.enumerated().map { index, value in
            "\(number(pad + Double(index) * step)),\(number(height - pad - min(1, max(0, value)) * (height - 2 * pad)))"
        }.joined(separator: " ")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 \(number(width)) \(number(height))" \
            width="\(number(width))" height="\(number(height))" direction="ltr"><title>\(escape(title))</title>\
            <line x1="\(number(pad))" y1="\(number(height - pad))" x2="\(number(width - pad))" y2="\(number(height - pad))" stroke="#d9dee7"/>\
            <line x1="\(number(pad))" y1="\(number(pad))" x2="\(number(pad))" y2="\(number(height - pad))" stroke="#d9dee7"/>\
            <text x="2" y="\(number(pad + 4))" font-size="10" fill="#5b6475">100%</text>\
            <text x="2" y="\(number(height - pad))" font-size="10" fill="#5b6475">0%</text>\
            <polyline points="\(points)" fill="none" stroke="#0b6b5d" stroke-width="2"/></svg>
            """
    }

    /// Vertical bars with a label under each.
    static func bars(_ bars: [(label: String, value: Int)], title: String) -> String {
        let width = 420.0
        let height = 180.0
        let pad = 24.0
        guard !bars.isEmpty else { return "" }
        let top = Double(max(1, bars.map(\.value).max() ?? 1))
        let slot = (width - 2 * pad) / Double(bars.count)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 \(number(width)) \(number(height))" \
            width="\(number(width))" height="\(number(height))" direction="ltr"><title>\(escape(title))</title>
            """
        for (index, bar) in bars.enumerated() {
            let barHeight = Double(bar.value) / top * (height - 2 * pad - 10)
            let x = pad + Double(index) * slot
            svg +=
                ##"<rect x="\##(number(x + 2))" y="\##(number(height - pad - barHeight))" width="\##(number(slot - 4))" height="\##(number(barHeight))" fill="#0b6b5d"><title>\##(escape(bar.label)): \##(bar.value)</title></rect>"##
            svg +=
                ##"<text x="\##(number(x + slot / 2))" y="\##(number(height - 8))" font-size="9" text-anchor="middle" fill="#5b6475">\##(escape(bar.label))</text>"##
        }
        return svg + "</svg>"
    }
}
