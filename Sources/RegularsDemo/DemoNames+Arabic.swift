extension DemoNames {
    static let arabicFirst: [DemoNameEntry] = [
        .init("محمد", "mohammed"), .init("أحمد", "ahmed"), .init("علي", "ali"), .init("عمر", "omar"),
        .init("خالد", "khaled"), .init("يوسف", "youssef"), .init("إبراهيم", "ibrahim"), .init("عبدالله", "abdullah"),
        .init("حسن", "hassan"), .init("حسين", "hussein"), .init("سعد", "saad"), .init("فيصل", "faisal"),
        .init("طارق", "tariq"), .init("ماجد", "majed"), .init("سلمان", "salman"), .init("ناصر", "nasser"),
        .init("زياد", "ziad"), .init("كريم", "karim"), .init("مصطفى", "mustafa"), .init("هاني", "hani"),
        .init("وليد", "walid"), .init("سامي", "sami"), .init("عادل", "adel"), .init("راشد", "rashid"),
        .init("منصور", "mansour"), .init("فاطمة", "fatima"), .init("عائشة", "aisha"), .init("مريم", "maryam"),
        .init("نورة", "noura"), .init("سارة", "sara"), .init("ليلى", "layla"), .init("هند", "hind"),
        .init("ريم", "reem"), .init("لينا", "lina"), .init("دانة", "dana"), .init("هدى", "huda"),
        .init("أمل", "amal"), .init("منى", "mona"), .init("رنا", "rana"), .init("جميلة", "jamila"),
        .init("ياسمين", "yasmin"), .init("سلمى", "salma"), .init("شيماء", "shaimaa"), .init("نادية", "nadia"),
        .init("رهف", "rahaf"), .init("جنى", "jana"), .init("لمى", "lama"), .init("غادة", "ghada"),
        .init("خديجة", "khadija"), .init("زينب", "zainab"),
    ]

    static let arabicLast: [DemoNameEntry] = [
        .init("العتيبي", "alotaibi"), .init("القحطاني", "alqahtani"), .init("الشمري", "alshammari"),
        .init("الحربي", "alharbi"), .init("المطيري", "almutairi"), .init("الدوسري", "aldosari"),
        .init("الزهراني", "alzahrani"), .init("الغامدي", "alghamdi"), .init("العنزي", "alanazi"),
        .init("الرشيدي", "alrashidi"), .init("المري", "almarri"), .init("الكعبي", "alkaabi"),
        .init("الهاشمي", "alhashimi"), .init("البلوشي", "albalushi"), .init("النعيمي", "alnuaimi"),
        .init("المنصوري", "almansoori"), .init("الشامسي", "alshamsi"), .init("حداد", "haddad"),
        .init("منصور", "mansour"), .init("خليل", "khalil"), .init("النجار", "alnajjar"), .init("الخطيب", "alkhatib"),
        .init("السيد", "elsayed"), .init("إبراهيم", "ibrahim"), .init("حسن", "hassan"), .init("يوسف", "youssef"),
        .init("عبدالرحمن", "abdelrahman"), .init("سليمان", "suleiman"), .init("عثمان", "othman"),
        .init("صالح", "saleh"), .init("العلي", "alali"), .init("الصباح", "alsabah"), .init("العجمي", "alajmi"),
        .init("الفضلي", "alfadhli"), .init("المطوع", "almutawa"), .init("عبدالعزيز", "abdelaziz"),
        .init("فاروق", "farouk"), .init("الشريف", "elsherif"), .init("مصطفى", "mostafa"), .init("عيسى", "issa"),
    ]
}
