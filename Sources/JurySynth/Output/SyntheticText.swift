/// Names and course titles: short Kazakh, Russian and English word lists,
/// combined per row, so the text columns carry real Unicode (Cyrillic with
/// Kazakh letters) without costing a `String` per row.
enum SyntheticText {
    /// Family names in the masculine form; the feminine adds "а".
    static let familyNames = utf8([
        "Ахметов", "Серикбаев", "Иванов", "Нурланов", "Жумабаев", "Касымов", "Смагулов", "Петров",
        "Оспанов", "Абдрахманов", "Садыков", "Кузнецов", "Тулеуов", "Бекмуханов", "Есенов", "Омаров",
    ])
    static let maleNames = utf8(["Арман", "Ерлан", "Данияр", "Нурлан", "Сергей", "Алексей", "Тимур", "Бауыржан"])
    static let femaleNames = utf8(["Айгерим", "Динара", "Гүлнар", "Жанар", "Ольга", "Мария", "Әсел", "Сәуле"])
    static let feminineEnding = Array("а".utf8)

    /// Course topics, by language: `kk`, `ru`, `en`.
    static let topics: [[[UInt8]]] = [
        utf8(["Статистика", "Сызықтық алгебра", "Органикалық химия", "Механика", "Экономика", "Бағдарламалау",
              "Деректер қоры", "Машиналық оқыту", "Философия", "Қазақстан тарихы", "Маркетинг",
              "Бухгалтерлік есеп", "Педагогика", "Экология", "Тамақ технологиясы", "Дискретті математика"]),
        utf8(["Статистика", "Линейная алгебра", "Органическая химия", "Механика", "Экономика", "Программирование",
              "Базы данных", "Машинное обучение", "Философия", "История Казахстана", "Маркетинг",
              "Бухгалтерский учёт", "Педагогика", "Экология", "Пищевые технологии", "Дискретная математика"]),
        utf8(["Statistics", "Linear Algebra", "Organic Chemistry", "Mechanics", "Economics", "Programming",
              "Databases", "Machine Learning", "Philosophy", "History of Kazakhstan", "Marketing",
              "Accounting", "Pedagogy", "Ecology", "Food Technology", "Discrete Mathematics"]),
    ]
    /// Course levels, by language, printed in parentheses after the topic.
    static let levels: [[[UInt8]]] = [
        utf8(["базалық курс", "жетілдірілген курс"]),
        utf8(["базовый курс", "продвинутый курс"]),
        utf8(["introductory course", "advanced course"]),
    ]
    /// Language lists of `moocs.csv`; the first language is the title's.
    static let languageSets: [(title: Int, text: StaticString)] = [
        (0, "kk"), (1, "ru"), (2, "en"), (0, "kk;ru"), (1, "ru;kk"), (1, "ru;en"), (0, "kk;ru;en"),
    ]

    /// Bytes of the longest name and of the longest title.
    static let maxNameBytes = longest(familyNames) + feminineEnding.count + 1 + max(longest(maleNames), longest(femaleNames))
    static let maxTitleBytes = topics.map(longest).max()! + 3 + levels.map(longest).max()!

    private static func utf8(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
    private static func longest(_ words: [[UInt8]]) -> Int { words.map(\.count).max()! }
}
