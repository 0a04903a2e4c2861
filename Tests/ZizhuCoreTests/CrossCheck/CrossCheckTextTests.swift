import Testing
import ZizhuCore

@Suite struct CrossCheckTextTests {
    @Test(arguments: [
        ("高一(2)班", "高一", "高一2班", "高一", true),
        ("高一（2）班", "高一", "2班", "高一", true),
        ("2班", "高一", "高一(2)班", "", true),
        ("高一(02)班", "高一", "高一2班", "高一", true),
        ("高一(2)班", "高一", "高一(3)班", "高一", false),
        ("", "高一", "高一(3)班", "高一", true),
    ])
    func classesCompareNormalised(a: String, gradeA: String, b: String, gradeB: String, same: Bool) {
        #expect(CrossCheckText.sameClass(a, b, grades: [gradeA, gradeB]) == same)
    }

    @Test func gradesAndNames() {
        #expect(CrossCheckText.sameGrade("高一", "高 一"))
        #expect(CrossCheckText.sameGrade("2025级", "2025"))
        #expect(!CrossCheckText.sameGrade("高一", "高二"))
        #expect(CrossCheckText.sameGrade("", "高二"))
        #expect(CrossCheckText.nameKey("买买提 · 艾力") == CrossCheckText.nameKey("买买提·艾力"))
    }

    @Test(arguments: [("在读", true, nil), ("", true, nil), ("休学", false, "休学"), ("已转出", false, "转出"),
                      ("注销", false, "注销"), ("毕业", false, nil)] as [(String, Bool, String?)])
    func statuses(status: String, active: Bool, inactive: String?) {
        #expect(EnrolmentStatus.isActive(status) == active)
        #expect(EnrolmentStatus.inactive(status) == inactive)
    }
}
