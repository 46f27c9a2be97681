namespace Calendar.Extraction;

/// <summary>The words press releases use for countries besides their catalog names, and the cities they name.</summary>
/// <remarks>A small reviewed table, grown from the gold set: adding a city here is how <c>extract</c> learns a place.</remarks>
internal static class GazetteerData
{
    /// <summary>Other names and adjectives, each with its country.</summary>
    public static readonly (string Name, string Code)[] OtherNames =
    [
        ("Kazakh", "KZ"), ("Kazakhstani", "KZ"), ("Qazaq", "KZ"), ("Argentine", "AR"), ("Argentinian", "AR"), ("Italian", "IT"),
        ("Slovenian", "SI"), ("Slovene", "SI"), ("Luxembourgish", "LU"), ("Spanish", "ES"), ("Russian", "RU"), ("Russian Federation", "RU"),
        ("Chinese", "CN"), ("People's Republic of China", "CN"), ("People’s Republic of China", "CN"), ("Turkey", "TR"), ("Turkish", "TR"),
        ("United States of America", "US"), ("U.S.", "US"), ("USA", "US"), ("American", "US"), ("North America", "US"),
        ("Uzbek", "UZ"), ("Kyrgyz", "KG"), ("Kyrgyz Republic", "KG"), ("Tajik", "TJ"), ("Turkmen", "TM"), ("Belarusian", "BY"),
        ("Ukrainian", "UA"), ("Georgian", "GE"), ("Armenian", "AM"), ("Azerbaijani", "AZ"), ("Iranian", "IR"), ("Indian", "IN"),
        ("Pakistani", "PK"), ("Japanese", "JP"), ("South Korea", "KR"), ("Korean", "KR"), ("South Korean", "KR"), ("North Korea", "KP"),
        ("Mongolian", "MN"), ("German", "DE"), ("French", "FR"), ("British", "GB"), ("Great Britain", "GB"), ("Britain", "GB"), ("UK", "GB"),
        ("Polish", "PL"), ("Hungarian", "HU"), ("Czech", "CZ"), ("Czech Republic", "CZ"), ("Slovak", "SK"), ("Austrian", "AT"), ("Swiss", "CH"),
        ("Dutch", "NL"), ("Netherlands", "NL"), ("Belgian", "BE"), ("Greek", "GR"), ("Hellenic Republic", "GR"), ("Finnish", "FI"),
        ("Swedish", "SE"), ("Norwegian", "NO"), ("Danish", "DK"), ("Estonian", "EE"), ("Latvian", "LV"), ("Lithuanian", "LT"),
        ("Romanian", "RO"), ("Bulgarian", "BG"), ("Serbian", "RS"), ("Croatian", "HR"), ("Montenegrin", "ME"), ("Portuguese", "PT"),
        ("Irish", "IE"), ("Canadian", "CA"), ("Mexican", "MX"), ("Brazilian", "BR"), ("Chilean", "CL"), ("Cuban", "CU"),
        ("Egyptian", "EG"), ("Saudi", "SA"), ("Saudi Arabia", "SA"), ("Emirati", "AE"), ("UAE", "AE"), ("Qatari", "QA"),
        ("Kuwaiti", "KW"), ("Omani", "OM"), ("Israeli", "IL"), ("Jordanian", "JO"), ("Afghan", "AF"), ("Malaysian", "MY"),
        ("Thai", "TH"), ("Vietnamese", "VN"), ("Viet Nam", "VN"), ("Indonesian", "ID"), ("Singaporean", "SG"), ("Australian", "AU"),
        ("Algerian", "DZ"), ("Moroccan", "MA"), ("Tunisian", "TN"), ("South African", "ZA"), ("Uruguayan", "UY"), ("Peruvian", "PE"),
        ("Colombian", "CO"), ("Maldivian", "MV"), ("Maldives", "MV"), ("Sri Lankan", "LK"), ("Sri-Lanka", "LK"), ("Vatican", "VA"), ("RSA", "ZA"),
        ("Laos", "LA"), ("Moldovan", "MD"), ("Macedonian", "MK"), ("Palestine", "PS"), ("Palestinian", "PS"), ("Kuwait", "KW"),
    ];

    /// <summary>Cities and their countries: the capitals and the cities the gold set's press items name.</summary>
    public static readonly (string Name, string Code)[] Cities =
    [
        ("Astana", "KZ"), ("Nur-Sultan", "KZ"), ("Almaty", "KZ"), ("Shymkent", "KZ"), ("Aktau", "KZ"), ("Aktobe", "KZ"), ("Atyrau", "KZ"),
        ("Karaganda", "KZ"), ("Turkistan", "KZ"), ("Kostanay", "KZ"), ("Kostanai", "KZ"), ("Pavlodar", "KZ"), ("Semey", "KZ"),
        ("Uralsk", "KZ"), ("Oral", "KZ"), ("Taraz", "KZ"), ("Kyzylorda", "KZ"), ("Petropavl", "KZ"), ("Kokshetau", "KZ"), ("Baikonur", "KZ"),
        ("Buenos Aires", "AR"), ("Rosario", "AR"), ("Rome", "IT"), ("Milan", "IT"), ("Milano", "IT"), ("Venice", "IT"), ("Ljubljana", "SI"),
        ("Povir", "SI"), ("Trnovo", "SI"), ("Madrid", "ES"), ("Barcelona", "ES"), ("Moscow", "RU"), ("Saint Petersburg", "RU"),
        ("St. Petersburg", "RU"), ("Sochi", "RU"), ("Kazan", "RU"), ("Omsk", "RU"), ("Novosibirsk", "RU"), ("Astrakhan", "RU"),
        ("Kaliningrad", "RU"), ("Beijing", "CN"), ("Shanghai", "CN"), ("Xian", "CN"), ("Xi'an", "CN"), ("Urumqi", "CN"), ("Yining", "CN"),
        ("Guangzhou", "CN"), ("Chengdu", "CN"), ("Ankara", "TR"), ("Istanbul", "TR"), ("Antalya", "TR"), ("Washington", "US"),
        ("New York", "US"), ("Tashkent", "UZ"), ("Samarkand", "UZ"), ("Bishkek", "KG"), ("Dushanbe", "TJ"), ("Ashgabat", "TM"),
        ("Minsk", "BY"), ("Brest", "BY"), ("Gomel", "BY"), ("Kyiv", "UA"), ("Kiev", "UA"), ("Tbilisi", "GE"), ("Batumi", "GE"),
        ("Kutaisi", "GE"), ("Yerevan", "AM"), ("Baku", "AZ"), ("Tehran", "IR"), ("New Delhi", "IN"), ("Delhi", "IN"), ("Islamabad", "PK"),
        ("Karachi", "PK"), ("Lahore", "PK"), ("Tokyo", "JP"), ("Seoul", "KR"), ("Ulaanbaatar", "MN"), ("Ulan Bator", "MN"),
        ("Berlin", "DE"), ("Frankfurt", "DE"), ("Munich", "DE"), ("Hamburg", "DE"), ("Paris", "FR"), ("Rennes", "FR"), ("London", "GB"),
        ("Warsaw", "PL"), ("Budapest", "HU"), ("Prague", "CZ"), ("Bratislava", "SK"), ("Vienna", "AT"), ("St. Pölten", "AT"),
        ("Amsterdam", "NL"), ("Brussels", "BE"), ("Athens", "GR"), ("Heraklion", "GR"), ("Iraklion", "GR"), ("Helsinki", "FI"),
        ("Stockholm", "SE"), ("Oslo", "NO"), ("Copenhagen", "DK"), ("Tallinn", "EE"), ("Riga", "LV"), ("Vilnius", "LT"),
        ("Bucharest", "RO"), ("Sofia", "BG"), ("Belgrade", "RS"), ("Zagreb", "HR"), ("Podgorica", "ME"), ("Budva", "ME"),
        ("Lisbon", "PT"), ("Dublin", "IE"), ("Ottawa", "CA"), ("Mexico City", "MX"), ("Brasilia", "BR"), ("Cairo", "EG"),
        ("Sharm El Sheikh", "EG"), ("Riyadh", "SA"), ("Jeddah", "SA"), ("Medina", "SA"), ("Abu Dhabi", "AE"), ("Dubai", "AE"),
        ("Sharjah", "AE"), ("Doha", "QA"), ("Kuwait City", "KW"), ("Muscat", "OM"), ("Tel Aviv", "IL"), ("Amman", "JO"),
        ("Kabul", "AF"), ("Kuala Lumpur", "MY"), ("Kuala-Lumpur", "MY"), ("Bangkok", "TH"), ("Phuket", "TH"), ("Hanoi", "VN"), ("Nha Trang", "VN"),
        ("Jakarta", "ID"), ("Sydney", "AU"), ("Canberra", "AU"), ("Male", "MV"), ("Colombo", "LK"), ("Montevideo", "UY"),
        ("Algiers", "DZ"), ("Rabat", "MA"), ("Tunis", "TN"), ("Geneva", "CH"), ("Bern", "CH"), ("Mahe", "SC"),
    ];

    /// <summary>Cities under the name the facts use today.</summary>
    public static readonly IReadOnlyDictionary<string, string> CurrentNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Nur-Sultan"] = "Astana",
        ["Milano"] = "Milan",
        ["Iraklion"] = "Heraklion",
        ["Kiev"] = "Kyiv",
        ["Ulan Bator"] = "Ulaanbaatar",
        ["Xi'an"] = "Xian",
        ["Kostanai"] = "Kostanay",
        ["Kuala-Lumpur"] = "Kuala Lumpur",
    };
}
