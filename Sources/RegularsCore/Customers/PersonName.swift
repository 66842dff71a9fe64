/// How a customer's name is shown: Chinese and Japanese names family name first with no space, others given name first.
public enum PersonName {
    public static func display(first: String?, last: String?) -> String {
        let given = first?.trimmingSpaces() ?? ""
        let family = last?.trimmingSpaces() ?? ""
        if given.isEmpty || family.isEmpty { return given + family }
        if isHan(given) && isHan(family) { return family + given }
        return given + " " + family
    }

    static func isHan(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) }
    }
}
