extension CLVFitReport {
    /// A plain-text table of the report, e.g.
    ///
    /// ```
    /// Customers: 2357 (946 with repeat purchases)
    ///
    /// Model         Parameter      Estimate   Std. error
    /// BG/NBD        r                0.2426       0.0126
    /// …
    ///               log-lik.     -9582.4256
    /// ```
    public func textTable() -> String {
        var lines = ["Customers: \(customers) (\(repeatCustomers) with repeat purchases)", ""]
        lines.append(row("Model", "Parameter", "Estimate", "Std. error"))
        func section(_ name: String, _ values: [(String, Double, Double?)], _ logLikelihood: Double) {
            for (index, value) in values.enumerated() {
                lines.append(
                    row(index == 0 ? name : "", value.0, Self.format(value.1), value.2.map { Self.format($0) } ?? "—"))
            }
            lines.append(row("", "log-lik.", Self.format(logLikelihood), ""))
        }
        if let bgnbd {
            let p = bgnbd.params
            let e = bgnbd.stdErrors
            section(
                "BG/NBD", [("r", p.r, e?.r), ("alpha", p.alpha, e?.alpha), ("a", p.a, e?.a), ("b", p.b, e?.b)],
                bgnbd.logLikelihood)
        }
        if let paretoNBD {
            let p = paretoNBD.params
            let e = paretoNBD.stdErrors
            section(
                "Pareto/NBD",
                [("r", p.r, e?.r), ("alpha", p.alpha, e?.alpha), ("s", p.s, e?.s), ("beta", p.beta, e?.beta)],
                paretoNBD.logLikelihood)
        }
        if let gammaGamma {
            let p = gammaGamma.params
            let e = gammaGamma.stdErrors
            section(
                "Gamma-Gamma", [("p", p.p, e?.p), ("q", p.q, e?.q), ("gamma", p.gamma, e?.gamma)],
                gammaGamma.logLikelihood)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ model: String, _ parameter: String, _ estimate: String, _ error: String) -> String {
        pad(model, 14) + pad(parameter, 10) + pad(estimate, 14, right: true) + pad(error, 13, right: true)
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    /// Four decimals, or six significant digits in exponent form for very large or small values.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let magnitude = abs(value)
        if magnitude != 0, magnitude < 1e-3 || magnitude >= 1e9 { return String(value) }
        let scaled = (value * 10_000).rounded()
        let negative = scaled < 0
        let digits = String(Int64(abs(scaled)))
        let padded = String(repeating: "0", count: max(0, 5 - digits.count)) + digits
        let integerPart = padded.dropLast(4)
        let fraction = padded.suffix(4)
        return (negative ? "-" : "") + integerPart + "." + fraction
    }
}
