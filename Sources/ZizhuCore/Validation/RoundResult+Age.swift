extension RoundResult {
    /// The accepted rows that are 大龄: older than the policy's `age.olderThan` at the term start, as
    /// `older-age-ratio` counts them (birth date from the ID, else from a 出生日期 column). What the district's
    /// page shows as the 大龄 share of a school.
    public var acceptedOlderCount: Int {
        let termStart = policy.termStartDate
        let olderThan = policy.age.olderThan
        var count = 0
        for applicant in applicants where !isReturned[applicant.index] {
            // Accepted rows carry no import flag on their ID or birth date (a flagged cell is an error).
            let facts = RowFacts(applicant: applicant, importFlags: 0, termStart: termStart, parsesCard: false)
            if let age = facts.age, age > olderThan { count += 1 }
        }
        return count
    }
}
