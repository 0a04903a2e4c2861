/// A check that needs the whole round at once (the archive's repeat-aid check, the enrolment roster …).
/// The `Validator` runs these after its own rules; their findings take part in the decision like any other.
public protocol RoundCheck: Sendable {
    func check(_ applicants: [Applicant], policy: Policy, into findings: inout [Finding])
}
