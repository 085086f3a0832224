//! Word lists for attribution. Lower-case; compared against lower-cased tokens.

/// Verbs that introduce speech, direct or reported, in the forms news prose uses.
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding", "asked", "asks",
    "warned", "warns", "warning", "stated", "states", "insisted", "insists", "declared", "declares", "wrote", "writes",
    "emphasized", "emphasizes", "emphasised", "asserted", "asserts", "affirmed", "affirms", "noted", "notes",
    "noting", "explained", "explains", "argued", "argues", "arguing", "claimed", "claims", "claiming", "conveyed",
    "announced", "announces", "continued", "continues", "replied", "responded", "recalled", "recalls", "remarked",
    "observed", "tweeted", "posted", "joked", "quipped", "shouted", "yelled", "exclaimed", "acknowledged",
    "acknowledges", "admitted", "admits", "conceded", "concedes", "stressed", "stresses", "stressing", "predicted",
    "predicts", "suggested", "suggests", "countered", "concluded", "cautioned", "complained", "complains",
    "lamented", "urged", "vowed", "vows", "promised", "promises", "pledged", "boasted", "boasts", "mused",
    "wondered", "testified", "confirmed", "confirms", "denied", "denies", "contended", "contends", "maintained",
    "maintains", "charged", "alleged", "alleges", "reiterated", "underscored", "underlined", "commented",
    "recounted", "whispered", "cried", "reads", "read", "told", "insisting", "explaining", "asserting",
    "declaring", "recalling", "acknowledging", "announcing", "writing", "tweeting", "answered", "agreed",
    "agrees", "reported", "reports", "pointed", "went", "began", "chimed", "told", "responds", "replies",
];

/// Verbs of reported thought and findings, which PolNeAR-style attribution counts as indirect
/// speech ("he believes the plan will fail", "the poll found that …").
pub(super) const REPORT_ONLY_VERBS: &[&str] = &[
    "believes", "believe", "believed", "thinks", "think", "thought", "fears", "feared", "hopes", "hoped",
    "expects", "expected", "found", "finds", "showed", "shows", "show", "indicated", "indicates", "estimated",
    "estimates", "knows", "worries", "worried", "doubts", "suspects", "feels", "felt", "revealed", "reveals",
    "disclosed", "predict", "warn", "argue", "claim", "insist", "suggest", "note", "acknowledge", "admit",
    "contend", "hinted", "signaled", "signalled", "projected", "forecast", "learned", "understands",
    "mentioned", "explained", "recognized", "realized", "stressed", "promised",
];

/// Words between a subject and its speech verb that are not part of the subject ("he also said").
pub(super) const VERB_MODIFIERS: &[&str] = &[
    "also", "later", "then", "recently", "previously", "once", "repeatedly", "publicly", "privately", "again",
    "still", "has", "have", "had", "would", "will", "was", "is", "further", "quickly", "simply", "often",
    "frequently", "flatly", "explicitly", "reportedly", "not", "did", "does", "do", "could", "might", "may", "can",
    "had", "has", "just", "already", "even", "only", "never", "ever", "earlier", "subsequently", "openly",
    "bluntly", "angrily", "firmly", "now", "first", "himself", "herself", "themselves", "itself", "always",
    "eventually", "finally", "initially", "clearly", "directly", "jokingly", "proudly", "separately", "reportedly",
];

/// Times and quantifiers that can stand between a subject and its verb ("the court this month
/// rejected", "Bush and Scott have both said", "the senators will all say").
pub(super) const SUBJECT_TAIL_WORDS: &[&str] = &[
    "this", "last", "next", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "long", "both", "all", "each",
    "are", "were", "been", "being", "remains", "remain", "remained", "seems", "seem", "seemed", "appears",
    "appeared", "becomes", "became", "stays",
];

/// Words that open a phrase which is not a speaker ("On the economic front", "Despite Moscow’s").
pub(super) const NOT_SPEAKER_OPENERS: &[&str] = &[
    "on", "for", "despite", "in", "as", "though", "although", "while", "after", "before", "when", "if", "since",
    "with", "at", "by", "from", "during", "amid", "because", "until", "unless", "whether", "to", "of", "this",
];

/// Lower-case words that open a speaker phrase ("the official", "two officials", "his aides", "police").
pub(super) const SPEAKER_OPENERS: &[&str] = &[
    "the", "a", "an", "some", "many", "most", "several", "few", "both", "all", "each", "every", "no", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "his", "her", "their", "its", "our", "my",
    "your", "another", "other", "others", "those", "these", "such", "who", "which", "that", "former", "senior",
    "top", "you", "people", "police", "staff", "everyone", "everybody", "nobody", "someone", "somebody", "anyone",
];

/// Words that end a subject phrase when scanning back from a verb.
pub(super) const CLAUSE_BREAKS: &[&str] = &[
    "and", "but", "because", "while", "when", "if", "as", "after", "before", "although", "though", "since", "so",
    "where", "that", "which", "whom", "whose", "than", "or", "nor", "yet", "until", "unless", "whether",
    "what", "how", "why", "is", "are", "was", "were", "be", "been", "being", "said", "says", "told", "to", "for",
    "amid", "despite", "among", "across", "through", "toward", "towards",
    "on", "in", "at", "by", "with", "from", "into", "about", "over", "under", "against", "during",
];

/// Words that start a phrase after the speaker name in "said X on Tuesday" and end the name.
pub(super) const SPEAKER_TAIL_BREAKS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "when", "while", "to", "last", "this", "yesterday", "today",
    "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "earlier", "later",
    "as", "via", "through", "recently", "told", "adding", "referring", "speaking", "and", "but", "because",
    "that", "about", "with", "from", "for", "over", "since",
];

/// Pronouns that can be speakers, with the referents they accept.
pub(super) const PERSON_PRONOUNS: &[&str] = &["he", "she", "i", "we"];
pub(super) const PLURAL_OR_ORG_PRONOUNS: &[&str] = &["they", "it"];

/// Titles that end with a period but do not end a sentence.
pub(super) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "u.s", "inc", "co", "corp",
    "vs", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "prof", "sgt", "capt", "cmdr",
    "adm", "maj", "pres", "rev", "ft", "mt", "d.c", "u.k", "u.n", "e.u", "a.m", "p.m", "ltd", "reps", "sens",
    "messrs", "gens", "cong", "atty", "supt", "det", "insp", "hon", "fr", "sec", "secs", "dept", "univ", "ave", "del",
];

/// News outlets, as written; matched case-sensitively at word boundaries.
pub(super) const OUTLETS: &[&str] = &[
    "The Associated Press", "Associated Press", "AP", "Reuters", "AFP", "Agence France-Presse", "TIME", "Time magazine",
    "BBC", "CNN", "CBS News", "CBS", "NBC News", "NBC", "ABC News", "ABC", "Fox News", "MSNBC", "CNBC", "NPR", "PBS",
    "The New York Times", "New York Times", "The Washington Post", "Washington Post", "The Wall Street Journal",
    "Wall Street Journal", "Bloomberg", "Politico", "POLITICO", "Axios", "The Hill", "Ukrinform", "The Guardian",
    "Financial Times", "The Financial Times", "Al Jazeera", "Le Monde", "Der Spiegel", "Interfax", "TASS", "Tass",
    "RIA Novosti", "Xinhua", "Kyodo", "Yonhap", "USA Today", "USA TODAY", "Los Angeles Times", "The Times",
    "The Telegraph", "The Independent", "Sky News", "Deutsche Welle", "DW", "Euronews", "The Economist",
    "Newsweek", "Breitbart", "BuzzFeed News", "HuffPost", "The Huffington Post", "Huffington Post",
    "The Atlantic", "Vox", "Semafor", "Kyiv Independent", "The Kyiv Independent", "Kyiv Post", "Meduza",
    "ANSA", "EFE", "dpa", "DPA", "Anadolu", "Nikkei", "Haaretz", "The Times of Israel", "Times of Israel",
    "Radio Free Europe", "RFE/RL", "Voice of America", "VOA", "Sputnik", "RT", "Izvestia", "Kommersant",
    "Suspilne", "Ukrainska Pravda", "Bild", "Le Figaro", "Corriere della Sera", "El País", "CBC", "ITV", "Channel 4",
    "The Daily Beast", "Daily Mail", "The Sun", "New York Post", "Chicago Tribune", "Boston Globe", "The Boston Globe",
    "Fox Business",
];

/// Last words that make a capitalized name an outlet ("Kyiv Post", "Ukrainian Radio").
pub(super) const OUTLET_SUFFIXES: &[&str] = &[
    "News", "Times", "Post", "Journal", "Herald", "Tribune", "Agency", "Press", "Radio", "Television", "TV",
    "Gazette", "Telegraph", "Guardian", "Magazine", "Newspaper", "Daily", "Channel", "Broadcasting", "Review",
];

/// Generic media phrases that can be a venue ("speaking to local media").
pub(super) const MEDIA_NOUNS: &[&str] = &["media", "press", "reporters", "journalists", "newspaper", "television", "radio", "broadcaster"];

/// Newsroom labels before a colon that introduce the newsroom's own text, not anyone's words:
/// "Editor's note:", "Correction:", "The Latest:", "UPDATE:".
pub(super) const EDITORIAL_LABELS: &[&str] = &[
    "note", "correction", "corrections", "clarification", "update", "updated", "latest", "related", "disclosure",
    "disclaimer", "background", "analysis", "opinion", "breaking", "exclusive", "watch", "video", "photo", "photos",
    "read", "more", "see", "also",
];
