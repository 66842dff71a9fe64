import Foundation
import RegularsStats

/// Loads the CDNOW fixtures shipped in `Fixtures/` (see `Fixtures/PROVENANCE.md`).
enum CDNOWFixture {
    static func path(_ name: String, _ ext: String) -> String {
        guard let path = Bundle.module.path(forResource: name, ofType: ext, inDirectory: "Fixtures") else {
            fatalError("missing fixture \(name).\(ext)")
        }
        return path
    }

    /// `cdnow_customers_summary_with_transactions.csv`: ID, x, t_x, T, zbar per customer.
    static let summaries: CustomerSummaries = {
        let text = try! String(
            contentsOfFile: path("cdnow_customers_summary_with_transactions", "csv"), encoding: .utf8)
        var ids: [Int64] = []
        var x: [Double] = []
        var tx: [Double] = []
        var age: [Double] = []
        var zbar: [Double] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            ids.append(Int64(fields[0])!)
            x.append(Double(fields[1])!)
            tx.append(Double(fields[2])!)
            age.append(Double(fields[3])!)
            zbar.append(Double(fields[4])!)
        }
        return CustomerSummaries(customerIDs: ids, frequency: x, recency: tx, age: age, monetaryValue: zbar)
    }()

    /// `CDNOW_sample.txt` with the sample's sequential ids (second column), matching the summary CSV's `ID`.
    static let transactionLog: TransactionLog = {
        try! TransactionLog.parseCDNOW(contentsOfFile: path("CDNOW_sample", "txt"), idColumn: .second)
    }()

    static let calibrationEnd = EpochDay(year: 1997, month: 9, day: 30)!

    /// Fits shared by several tests (fitted once; Pareto/NBD is the slowest fit in the suite).
    static let bgnbd = try! BGNBDModel.fit(summaries)
    static let paretoNBD = try! ParetoNBDModel.fit(summaries)
    static let gammaGamma = try! GammaGammaModel.fit(summaries)
}
