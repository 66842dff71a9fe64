import Foundation

extension SVGChart {
    static let seriesColours = ["#0b6b5d", "#c2551f", "#3b5bdb"]

    /// Several series over the same evenly spaced x positions (1, 2, …), on one y scale from 0 to the largest value,
    /// each in its own colour (the second dashed), with a legend naming them.
    static func lines(_ series: [(name: String, values: [Double])], title: String) -> String {
        let width = 420.0
        let height = 200.0
        let pad = 36.0
        let legendHeight = 18.0
        let count = series.map(\.values.count).max() ?? 0
        guard count > 1 else { return "" }
        let top = max(1, series.flatMap(\.values).max() ?? 1)
        let step = (width - 2 * pad) / Double(count - 1)
        let bottom = height - pad
        let plotHeight = height - 2 * pad - legendHeight
        let format = { (value: Double) in String(format: "%.1f", value) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 \(format(width)) \(format(height))" \
            width="\(format(width))" height="\(format(height))" direction="ltr"><title>\(escape(title))</title>\
            <line x1="\(format(pad))" y1="\(format(bottom))" x2="\(format(width - pad))" y2="\(format(bottom))" stroke="#d9dee7"/>\
            <line x1="\(format(pad))" y1="\(format(bottom - plotHeight))" x2="\(format(pad))" y2="\(format(bottom))" stroke="#d9dee7"/>\
            <text x="2" y="\(format(bottom - plotHeight + 4))" font-size="10" fill="#5b6475">\(Int(top.rounded()))</text>\
            <text x="2" y="\(format(bottom))" font-size="10" fill="#5b6475">0</text>\
            <text x="\(format(pad))" y="\(format(height - 18))" font-size="10" fill="#5b6475">1</text>\
            <text x="\(format(width - pad))" y="\(format(height - 18))" font-size="10" text-anchor="end" fill="#5b6475">\(count)</text>
            """
        for (index, line) in series.enumerated() {
            let colour = seriesColours[index % seriesColours.count]
            let points = line.values.enumerated().map { position, value in
                "\(format(pad + Double(position) * step)),\(format(bottom - max(0, value) / top * plotHeight))"
            }.joined(separator: " ")
            let dash = index == 1 ? #" stroke-dasharray="5 3""# : ""
            svg += #"<polyline points="\#(points)" fill="none" stroke="\#(colour)" stroke-width="2"\#(dash)>"#
            svg += "<title>\(escape(line.name))</title></polyline>"
            let x = pad + Double(index) * 140
            svg +=
                #"<line x1="\#(format(x))" y1="10" x2="\#(format(x + 22))" y2="10" stroke="\#(colour)" stroke-width="3"\#(dash)/>"#
            svg +=
                ##"<text x="\##(format(x + 28))" y="14" font-size="11" fill="#1d2330">\##(escape(line.name))</text>"##
        }
        return svg + "</svg>"
    }
}
