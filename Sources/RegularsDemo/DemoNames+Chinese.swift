extension DemoNames {
    static let chineseFamily: [DemoNameEntry] = [
        .init("王", "王", "wang"), .init("李", "李", "li"), .init("张", "張", "zhang"), .init("刘", "劉", "liu"),
        .init("陈", "陳", "chen"), .init("杨", "楊", "yang"), .init("黄", "黃", "huang"), .init("赵", "趙", "zhao"),
        .init("吴", "吳", "wu"), .init("周", "周", "zhou"), .init("徐", "徐", "xu"), .init("孙", "孫", "sun"),
        .init("马", "馬", "ma"), .init("朱", "朱", "zhu"), .init("胡", "胡", "hu"), .init("郭", "郭", "guo"),
        .init("何", "何", "he"), .init("林", "林", "lin"), .init("高", "高", "gao"), .init("罗", "羅", "luo"),
        .init("郑", "鄭", "zheng"), .init("梁", "梁", "liang"), .init("谢", "謝", "xie"), .init("宋", "宋", "song"),
        .init("唐", "唐", "tang"), .init("许", "許", "xu"), .init("韩", "韓", "han"), .init("冯", "馮", "feng"),
        .init("邓", "鄧", "deng"), .init("曹", "曹", "cao"), .init("彭", "彭", "peng"), .init("曾", "曾", "zeng"),
        .init("萧", "蕭", "xiao"), .init("蔡", "蔡", "cai"), .init("潘", "潘", "pan"), .init("田", "田", "tian"),
        .init("董", "董", "dong"), .init("袁", "袁", "yuan"), .init("于", "于", "yu"), .init("蒋", "蔣", "jiang"),
    ]

    static let chineseGiven: [DemoNameEntry] = [
        .init("伟", "偉", "wei"), .init("芳", "芳", "fang"), .init("娜", "娜", "na"), .init("秀英", "秀英", "xiuying"),
        .init("敏", "敏", "min"), .init("静", "靜", "jing"), .init("丽", "麗", "li"), .init("强", "強", "qiang"),
        .init("磊", "磊", "lei"), .init("军", "軍", "jun"), .init("洋", "洋", "yang"), .init("勇", "勇", "yong"),
        .init("艳", "艷", "yan"), .init("杰", "傑", "jie"), .init("娟", "娟", "juan"), .init("涛", "濤", "tao"),
        .init("明", "明", "ming"), .init("超", "超", "chao"), .init("秀兰", "秀蘭", "xiulan"), .init("霞", "霞", "xia"),
        .init("平", "平", "ping"), .init("刚", "剛", "gang"), .init("桂英", "桂英", "guiying"),
        .init("子涵", "子涵", "zihan"), .init("浩然", "浩然", "haoran"), .init("梓轩", "梓軒", "zixuan"),
        .init("欣怡", "欣怡", "xinyi"), .init("雨桐", "雨桐", "yutong"), .init("一诺", "一諾", "yinuo"),
        .init("思远", "思遠", "siyuan"), .init("嘉怡", "嘉怡", "jiayi"), .init("宇轩", "宇軒", "yuxuan"),
        .init("佳琪", "佳琪", "jiaqi"), .init("俊杰", "俊傑", "junjie"), .init("晓明", "曉明", "xiaoming"),
        .init("文博", "文博", "wenbo"), .init("诗涵", "詩涵", "shihan"), .init("志强", "志強", "zhiqiang"),
        .init("婷婷", "婷婷", "tingting"), .init("建华", "建華", "jianhua"), .init("美玲", "美玲", "meiling"),
        .init("家豪", "家豪", "jiahao"), .init("怡君", "怡君", "yijun"), .init("冠宇", "冠宇", "guanyu"),
        .init("雅婷", "雅婷", "yating"), .init("承恩", "承恩", "chengen"), .init("淑芬", "淑芬", "shufen"),
        .init("志明", "志明", "zhiming"), .init("慧敏", "慧敏", "huimin"), .init("国华", "國華", "guohua"),
    ]
}
