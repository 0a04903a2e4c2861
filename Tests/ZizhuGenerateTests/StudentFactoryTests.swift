import Testing
import ZizhuCore
@testable import ZizhuGenerate

@Suite struct StudentFactoryTests {
    let factory: StudentFactory

    init() throws { factory = StudentFactory(facts: try PolicyFacts(.default)) }

    @Test(arguments: [9, 15, 16, 17, 18, 26])
    func birthDateGivesExactAge(age: Int) {
        var random = RandomSource(seed: UInt64(age))
        for _ in 0..<500 {
            #expect(factory.birthDate(forAge: age, using: &random).age(on: factory.facts.termStart) == age)
        }
    }

    @Test func cleanStudentsAreValid() {
        var random = RandomSource(seed: 5)
        var registry = Registry()
        let style = SheetStyle(layout: .utf8CSV, using: &random)
        for grade in 0..<3 {
            for _ in 0..<400 {
                let student = factory.makeStudent(grade: grade, style: style, registry: &registry, using: &random)
                #expect(Oracle.idValid(student.id), "\(student.id)")
                #expect(Oracle.isMale(student.id) == student.male)
                #expect((15...18).contains(student.birth.age(on: factory.facts.termStart)))
                #expect(student.studentNumber == "G" + student.id)
                #expect(student.card.count == 19 && Identifiers.passesLuhn(student.card))
                #expect(Oracle.bins[String(student.card.prefix(6))] == student.bank)
                #expect(student.holder == student.name || student.holder == student.guardian)
                #expect(student.guardian != student.name)
                #expect(Oracle.nameValid(student.name), "\(student.name)")
                #expect(student.phone.count == 11)
                let top = factory.facts.topCategories.contains(student.category)
                #expect(top == (student.tier.level == "特别困难"))
            }
        }
    }

    @Test func identifiersAreUniqueWithinARegistry() {
        var random = RandomSource(seed: 8)
        var registry = Registry()
        let style = SheetStyle(layout: .utf8CSV, using: &random)
        let students = (0..<3000).map { index in
            factory.makeStudent(grade: index % 3, style: style, registry: &registry, using: &random)
        }
        #expect(Set(students.map(\.id)).count == students.count)
        #expect(Set(students.map(\.card)).count == students.count)
        #expect(Set(students.map(\.phone)).count == students.count)
        #expect(Set(students.map { $0.name + $0.birth.compact }).count == students.count)
    }

    @Test func policyWithoutTiersIsRefused() {
        var policy = Policy.default
        policy.tiers = []
        #expect(throws: GeneratorError.self) { try PolicyFacts(policy) }
    }
}
