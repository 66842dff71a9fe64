/// A label and its value, as pages list facts (`<dt>`/`<dd>`).
struct LabelledValue: Encodable {
    var label: String
    var value: String
}
