/// Real administrative division codes (GB/T 2260) for the first six digits of IDs, with their names for
/// addresses. The sample school sits in 济南 (province 37); most students come from its counties.
enum Regions {
    struct Region {
        let code: String
        let name: String
        let rural: Bool
    }

    static let home: [Region] = [
        Region(code: "370112", name: "山东省济南市历城区", rural: true),
        Region(code: "370113", name: "山东省济南市长清区", rural: true),
        Region(code: "370114", name: "山东省济南市章丘区", rural: true),
        Region(code: "370115", name: "山东省济南市济阳区", rural: true),
        Region(code: "370116", name: "山东省济南市莱芜区", rural: true),
        Region(code: "370124", name: "山东省济南市平阴县", rural: true),
        Region(code: "370126", name: "山东省济南市商河县", rural: true),
        Region(code: "370102", name: "山东省济南市历下区", rural: false),
        Region(code: "370103", name: "山东省济南市市中区", rural: false),
        Region(code: "370104", name: "山东省济南市槐荫区", rural: false),
        Region(code: "370105", name: "山东省济南市天桥区", rural: false),
    ]

    static let elsewhere: [Region] = [
        Region(code: "110105", name: "北京市朝阳区", rural: false),
        Region(code: "130102", name: "河北省石家庄市长安区", rural: false),
        Region(code: "130529", name: "河北省邢台市巨鹿县", rural: true),
        Region(code: "140105", name: "山西省太原市小店区", rural: false),
        Region(code: "210102", name: "辽宁省沈阳市和平区", rural: false),
        Region(code: "230102", name: "黑龙江省哈尔滨市道里区", rural: false),
        Region(code: "320321", name: "江苏省徐州市丰县", rural: true),
        Region(code: "341221", name: "安徽省阜阳市临泉县", rural: true),
        Region(code: "360102", name: "江西省南昌市东湖区", rural: false),
        Region(code: "411522", name: "河南省信阳市光山县", rural: true),
        Region(code: "411623", name: "河南省周口市商水县", rural: true),
        Region(code: "421126", name: "湖北省黄冈市蕲春县", rural: true),
        Region(code: "431222", name: "湖南省怀化市沅陵县", rural: true),
        Region(code: "441881", name: "广东省清远市英德市", rural: true),
        Region(code: "460105", name: "海南省海口市秀英区", rural: false),
        Region(code: "500101", name: "重庆市万州区", rural: true),
        Region(code: "511621", name: "四川省广安市岳池县", rural: true),
        Region(code: "610113", name: "陕西省西安市雁塔区", rural: false),
        Region(code: "621121", name: "甘肃省定西市通渭县", rural: true),
        Region(code: "630102", name: "青海省西宁市城东区", rural: false),
        Region(code: "810000", name: "香港特别行政区", rural: false),
    ]

    /// Regions of the minority groups with their own naming or settlement, so names and IDs agree.
    static func forEthnicity(_ ethnicity: String) -> [Region]? {
        switch ethnicity {
        case "维吾尔族": [Region(code: "650102", name: "新疆维吾尔自治区乌鲁木齐市天山区", rural: false),
                       Region(code: "653101", name: "新疆维吾尔自治区喀什地区喀什市", rural: true)]
        case "哈萨克族": [Region(code: "654002", name: "新疆维吾尔自治区伊犁哈萨克自治州伊宁市", rural: true)]
        case "藏族": [Region(code: "540102", name: "西藏自治区拉萨市城关区", rural: false),
                    Region(code: "632321", name: "青海省黄南藏族自治州同仁市", rural: true)]
        case "壮族": [Region(code: "450102", name: "广西壮族自治区南宁市兴宁区", rural: false),
                    Region(code: "451221", name: "广西壮族自治区河池市南丹县", rural: true)]
        case "苗族": [Region(code: "522622", name: "贵州省黔东南苗族侗族自治州黄平县", rural: true)]
        case "土家族": [Region(code: "422801", name: "湖北省恩施土家族苗族自治州恩施市", rural: true)]
        case "彝族": [Region(code: "513401", name: "四川省凉山彝族自治州西昌市", rural: true)]
        case "蒙古族": [Region(code: "150102", name: "内蒙古自治区呼和浩特市新城区", rural: false)]
        case "回族": [Region(code: "640104", name: "宁夏回族自治区银川市兴庆区", rural: false),
                    Region(code: "370112", name: "山东省济南市历城区", rural: true)]
        case "满族": [Region(code: "210102", name: "辽宁省沈阳市和平区", rural: false),
                    Region(code: "370112", name: "山东省济南市历城区", rural: true)]
        default: nil
        }
    }

    /// Province codes that do not exist (GB 11643 uses 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83).
    static let unknownProvinces = ["00", "10", "19", "20", "24", "29", "30", "38", "40", "49", "55", "60", "66",
                                   "70", "72", "80", "84", "90", "99"]

    static let towns = ["港沟街道", "仲宫街道", "柳埠街道", "唐王街道", "城关镇", "新华街道", "东风镇", "红旗镇",
                        "李家庄镇", "王庄镇", "沙河镇", "柳林镇", "孙集镇", "玉皇庙镇", "白云湖街道", "高官寨街道"]
    static let villageStems = ["张家", "李家", "王家", "刘家", "小", "大", "东", "西", "南", "北", "前", "后",
                               "杨树", "柳树", "石门", "河口", "双庙", "三里"]
    static let villageSuffixes = ["庄村", "村", "屯村", "岭村", "洼村", "店村", "营村"]
    static let roads = ["解放路", "经十路", "和平路", "文化路", "建设路", "花园路", "工业北路", "二环东路", "山大路", "青年路"]

    static func address(in region: Region, urban: Bool, using random: inout RandomSource) -> String {
        if urban {
            return region.name + random.pick(roads) + "\(random.int(in: 1...399))号"
                + "\(random.int(in: 1...18))号楼\(random.int(in: 1...4))单元\(random.int(in: 1...30))0\(random.int(in: 1...4))室"
        }
        return region.name + random.pick(towns) + random.pick(villageStems) + random.pick(villageSuffixes)
            + "\(random.int(in: 1...12))组\(random.int(in: 1...160))号"
    }
}
