import RegularsStats

extension BGNBDParameters {
    var arrayForTesting: [Double] { [r, alpha, a, b] }
}
