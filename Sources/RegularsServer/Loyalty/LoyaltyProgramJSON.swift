import Foundation
import RegularsLoyalty

/// The programme as the merchant edits it on the `/loyalty` page: pretty-printed snake_case JSON, the same shape as
/// `program` in `PATCH /api/loyalty/program`.
enum LoyaltyProgramJSON {
    static func text(of program: LoyaltyProgram) -> String {
        let encoder = JSONEncoder.api
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(program)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The edited programme, or a problem naming what is wrong (malformed JSON, a missing field, a rule that
    /// cannot be used).
    static func parse(_ text: String) throws -> LoyaltyProgram {
        let program: LoyaltyProgram
        do {
            program = try JSONDecoder.api.decode(LoyaltyProgram.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw ProblemMiddleware.decodingProblem(error)
        } catch {
            throw Problem.invalidField("program", "is not valid JSON")
        }
        guard program.problems.isEmpty else {
            throw Problem(
                status: .unprocessableEntity, title: "Invalid loyalty programme",
                detail: program.problems.joined(separator: "; "),
                invalidParams: program.problems.map { Problem.InvalidParam(name: "program", reason: $0) })
        }
        return program
    }
}
