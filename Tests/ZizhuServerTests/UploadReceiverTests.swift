import Testing
@testable import ZizhuServer

@Suite struct UploadReceiverTests {
    @Test(arguments: [
        ("multipart/form-data; boundary=----WebKitFormBoundaryx7", "----WebKitFormBoundaryx7"),
        ("multipart/form-data; charset=utf-8; boundary=\"a b\"", "a b"),
        ("Multipart/Form-Data;boundary=z", "z"),
    ])
    func boundaryIsRead(contentType: String, boundary: String) {
        #expect(UploadReceiver.boundary(in: contentType) == boundary)
    }

    @Test(arguments: ["application/json", "multipart/form-data", "multipart/form-data; boundary=", "text/plain; boundary=x"])
    func otherBodiesHaveNoBoundary(contentType: String) {
        #expect(UploadReceiver.boundary(in: contentType) == nil)
    }

    @Test func dispositionNamesTheFieldAndTheFile() {
        let plain = UploadReceiver.disposition("form-data; name=\"files\"; filename=\"高一(1)班.csv\"")
        #expect(plain.name == "files" && plain.fileName == "高一(1)班.csv")
        let semicolon = UploadReceiver.disposition("form-data; name=\"files\"; filename=\"a;b \\\"c\\\".csv\"")
        #expect(semicolon.fileName == "a;b \"c\".csv")
        let extended = UploadReceiver.disposition("form-data; name=\"files\"; filename=\"x.csv\"; filename*=UTF-8''%E5%90%8D%E5%8D%95.csv")
        #expect(extended.fileName == "名单.csv")
        let field = UploadReceiver.disposition("form-data; name=\"csrf\"")
        #expect(field.name == "csrf" && field.fileName == nil)
        let nothingChosen = UploadReceiver.disposition("form-data; name=\"policy\"; filename=\"\"")
        #expect(nothingChosen.fileName == "")
    }
}
