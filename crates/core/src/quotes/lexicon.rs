//! Word lists for attribution. Lower-case; compared against lower-cased tokens.
//!
//! Each list has a bit of its own: a document looks each word up once ([`word_bits`]) and then
//! tests membership in any list with a mask instead of a scan of the list.
use super::scan;
use std::sync::OnceLock;

/// A word list and its bit. A new list needs a bit of its own and a place in `WORD_LISTS`.
#[derive(Clone, Copy)]
pub(super) struct Words {
    pub bit: u64,
    pub list: &'static [&'static str],
}

impl Words {
    const fn new(bit: u32, list: &'static [&'static str]) -> Self {
        Words { bit: 1 << bit, list }
    }
}

/// A list of two-word phrases; its bit marks their first words. A new list needs a bit of its own
/// and a place in `PHRASE_LISTS`.
#[derive(Clone, Copy)]
pub(super) struct Phrases {
    pub bit: u64,
    pub list: &'static [(&'static str, &'static str)],
}

impl Phrases {
    const fn new(bit: u32, list: &'static [(&'static str, &'static str)]) -> Self {
        Phrases { bit: 1 << bit, list }
    }
}

/// The bits of a word that, lower-cased, starts a known outlet written with a capital ("the" of
/// "The Hill") or without ("dpa"), or ends one (`OUTLET_SUFFIXES`): cheap tests before the
/// case-sensitive match, which "the" alone would otherwise ask for at every turn.
pub(super) const OUTLET_CAPITAL_START: u64 = 1 << 31;
pub(super) const OUTLET_LOWER_CASE_START: u64 = 1 << 33;
pub(super) const OUTLET_SUFFIX: u64 = 1 << 34;

/// Whether `word` starts with a capital letter or a digit, as a name or a number does.
pub(super) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Every word list, for the table behind `word_bits`.
pub(super) const WORD_LISTS: [Words; 32] = [
    SPEECH_VERBS, REPORT_ONLY_VERBS, VERB_MODIFIERS, SUBJECT_TAIL_WORDS, NOT_SPEAKER_OPENERS, SPEAKER_OPENERS, CLAUSE_BREAKS,
    SPEAKER_TAIL_BREAKS, PERSON_PRONOUNS, PLURAL_OR_ORG_PRONOUNS, ABBREVIATIONS, MEDIA_NOUNS, EDITORIAL_LABELS, NAME_PARTICLES,
    ADJUNCT_STARTS, OBJECT_VERBS, OBJECT_CUES, CLAUSE_BREAKS_AFTER_CUE, OBJECT_BOUNDARIES, APPEARANCE_VERBS, BARE_CLAUSE_VERBS,
    NOT_CLAUSE_STARTS, THAT_BLOCKERS, CLAUSE_END_LINKS, TOPIC_HEADS, PARTICIPLES, CLAUSE_STARTS, PRONOUN_STARTS, DAY_AND_MONTH_WORDS,
    ACCORDING, ABOUT, MEDIA_CUES,
];

/// Every phrase list, for the table behind `word_bits`.
pub(super) const PHRASE_LISTS: [Phrases; 2] = [PHRASAL_CUES, NOUN_CUES];

/// The bits of the lists that the lower-cased `word` is in (0 for most words).
pub(super) fn word_bits(word: &str) -> u64 {
    packed(word.as_bytes()).map_or(0, |key| table().bits(key))
}

/// The table of every listed word's bits, by key: fetched once for a document's many words.
pub(super) fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Table::new)
}

/// Every listed word's bits, behind a filter of one bit per hash value (8 KB) that rules out
/// most other words without a probe of the table: about half the words of news prose are in no
/// list.
/// Its parts are arrays, whose sizes the indices' bits bound: a lookup checks no bounds.
pub(super) struct Table {
    filter: Box<[u64; 1 << (Table::FILTER_BITS - 6)]>,
    /// Open addressing: a key is in the first slot from its hash's on whose key is it or 0 (no
    /// word's key: a word never holds a NUL). The table is kept less than half full, so that
    /// probes are short and always meet an empty slot.
    slots: Box<[(u128, u64); 1 << Table::SLOT_BITS]>,
}

impl Table {
    const FILTER_BITS: u32 = 16;
    /// Room for twice the lexicon's 900 words.
    const SLOT_BITS: u32 = 11;

    fn new() -> Self {
        let mut table = Table { filter: Box::new([0; 1 << (Self::FILTER_BITS - 6)]), slots: Box::new([(0, 0); 1 << Self::SLOT_BITS]) };
        let mut add = |word: &str, bit: u64| {
            let key = packed(word.to_lowercase().as_bytes()).expect("lexicon words are short");
            let hash = Self::hash(key);
            let filter_slot = (hash >> (64 - Self::FILTER_BITS)) as usize;
            table.filter[filter_slot / 64] |= 1 << (filter_slot % 64);
            let slot = table.slot(key, hash);
            table.slots[slot] = (key, table.slots[slot].1 | bit);
        };
        for words in WORD_LISTS {
            words.list.iter().for_each(|w| add(w, words.bit));
        }
        for phrases in PHRASE_LISTS {
            phrases.list.iter().for_each(|(w, _)| add(w, phrases.bit));
        }
        for first in known_outlets().iter().map(|words| words[0]) {
            add(first, if is_capitalized(first) { OUTLET_CAPITAL_START } else { OUTLET_LOWER_CASE_START });
        }
        OUTLET_SUFFIXES.iter().for_each(|w| add(w, OUTLET_SUFFIX));
        let used = table.slots.iter().filter(|(key, _)| *key != 0).count();
        assert!(used * 2 < table.slots.len(), "the lexicon's table is kept less than half full");
        table
    }

    fn hash(key: u128) -> u64 {
        (key as u64 ^ (key >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The slot that holds `key`, or the empty one where it would go.
    fn slot(&self, key: u128, hash: u64) -> usize {
        let mut slot = (hash >> (64 - Self::SLOT_BITS)) as usize;
        while self.slots[slot].0 != key && self.slots[slot].0 != 0 {
            slot = (slot + 1) % self.slots.len();
        }
        slot
    }

    /// The bits of the word whose key is `key`.
    #[inline]
    pub fn bits(&self, key: u128) -> u64 {
        let hash = Self::hash(key);
        let filter_slot = (hash >> (64 - Self::FILTER_BITS)) as usize;
        if self.filter[filter_slot / 64] & (1 << (filter_slot % 64)) == 0 {
            return 0;
        }
        self.slots[self.slot(key, hash)].1
    }
}

/// A word's key: its bytes as one little-endian number, when there are at most 16 (a word never
/// holds a NUL). It hashes and compares faster than a string.
pub(super) fn packed(word: &[u8]) -> Option<u128> {
    (word.len() <= 16).then(|| word.iter().rev().fold(0, |key, &b| key << 8 | u128::from(b)))
}

/// `OUTLETS` as token texts, sorted: the outlets that share a first word are adjacent.
pub(super) fn known_outlets() -> &'static [Vec<&'static str>] {
    static OUTLET_WORDS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    OUTLET_WORDS.get_or_init(|| {
        let mut outlets: Vec<Vec<&str>> = OUTLETS.iter().map(|outlet| scan::tokenize(outlet).0.iter().map(|t| t.span().text(outlet)).collect()).collect();
        outlets.sort();
        outlets
    })
}

/// Verbs that introduce speech, direct or reported, in the forms news prose uses.
pub(super) const SPEECH_VERBS: Words = Words::new(0, &[
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
]);

/// Verbs of reported thought and findings, which PolNeAR-style attribution counts as indirect
/// speech ("he believes the plan will fail", "the poll found that …").
pub(super) const REPORT_ONLY_VERBS: Words = Words::new(1, &[
    "believes", "believe", "believed", "thinks", "think", "thought", "fears", "feared", "hopes", "hoped",
    "expects", "expected", "found", "finds", "showed", "shows", "show", "indicated", "indicates", "estimated",
    "estimates", "knows", "worries", "worried", "doubts", "suspects", "feels", "felt", "revealed", "reveals",
    "disclosed", "predict", "warn", "argue", "claim", "insist", "suggest", "note", "acknowledge", "admit",
    "contend", "hinted", "signaled", "signalled", "projected", "forecast", "learned", "understands",
    "mentioned", "explained", "recognized", "realized", "stressed", "promised",
]);

/// Words between a subject and its speech verb that are not part of the subject ("he also said").
pub(super) const VERB_MODIFIERS: Words = Words::new(2, &[
    "also", "later", "then", "recently", "previously", "once", "repeatedly", "publicly", "privately", "again",
    "still", "has", "have", "had", "would", "will", "was", "is", "further", "quickly", "simply", "often",
    "frequently", "flatly", "explicitly", "reportedly", "not", "did", "does", "do", "could", "might", "may", "can",
    "had", "has", "just", "already", "even", "only", "never", "ever", "earlier", "subsequently", "openly",
    "bluntly", "angrily", "firmly", "now", "first", "himself", "herself", "themselves", "itself", "always",
    "eventually", "finally", "initially", "clearly", "directly", "jokingly", "proudly", "separately", "reportedly",
]);

/// Times and quantifiers that can stand between a subject and its verb ("the court this month
/// rejected", "Bush and Scott have both said", "the senators will all say").
pub(super) const SUBJECT_TAIL_WORDS: Words = Words::new(3, &[
    "this", "last", "next", "week", "month", "year", "morning", "afternoon", "evening", "night", "weekend",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "long", "both", "all", "each",
    "are", "were", "been", "being", "remains", "remain", "remained", "seems", "seem", "seemed", "appears",
    "appeared", "becomes", "became", "stays",
]);

/// Words that open a phrase which is not a speaker ("On the economic front", "Despite Moscow’s").
pub(super) const NOT_SPEAKER_OPENERS: Words = Words::new(4, &[
    "on", "for", "despite", "in", "as", "though", "although", "while", "after", "before", "when", "if", "since",
    "with", "at", "by", "from", "during", "amid", "because", "until", "unless", "whether", "to", "of", "this",
]);

/// Lower-case words that open a speaker phrase ("the official", "two officials", "his aides", "police").
pub(super) const SPEAKER_OPENERS: Words = Words::new(5, &[
    "the", "a", "an", "some", "many", "most", "several", "few", "both", "all", "each", "every", "no", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "his", "her", "their", "its", "our", "my",
    "your", "another", "other", "others", "those", "these", "such", "who", "which", "that", "former", "senior",
    "top", "you", "people", "police", "staff", "everyone", "everybody", "nobody", "someone", "somebody", "anyone",
]);

/// Words that end a subject phrase when scanning back from a verb.
pub(super) const CLAUSE_BREAKS: Words = Words::new(6, &[
    "and", "but", "because", "while", "when", "if", "as", "after", "before", "although", "though", "since", "so",
    "where", "that", "which", "whom", "whose", "than", "or", "nor", "yet", "until", "unless", "whether",
    "what", "how", "why", "is", "are", "was", "were", "be", "been", "being", "said", "says", "told", "to", "for",
    "amid", "despite", "among", "across", "through", "toward", "towards",
    "on", "in", "at", "by", "with", "from", "into", "about", "over", "under", "against", "during",
]);

/// Words that start a phrase after the speaker name in "said X on Tuesday" and end the name.
pub(super) const SPEAKER_TAIL_BREAKS: Words = Words::new(7, &[
    "in", "on", "at", "during", "after", "before", "when", "while", "to", "last", "this", "yesterday", "today",
    "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "earlier", "later",
    "as", "via", "through", "recently", "told", "adding", "referring", "speaking", "and", "but", "because",
    "that", "about", "with", "from", "for", "over", "since",
]);

/// Pronouns that can be speakers, with the referents they accept.
pub(super) const PERSON_PRONOUNS: Words = Words::new(8, &["he", "she", "i", "we"]);
pub(super) const PLURAL_OR_ORG_PRONOUNS: Words = Words::new(9, &["they", "it"]);

/// Titles that end with a period but do not end a sentence.
pub(super) const ABBREVIATIONS: Words = Words::new(10, &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "st", "jr", "sr", "u.s", "inc", "co", "corp",
    "vs", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "prof", "sgt", "capt", "cmdr",
    "adm", "maj", "pres", "rev", "ft", "mt", "d.c", "u.k", "u.n", "e.u", "a.m", "p.m", "ltd", "reps", "sens",
    "messrs", "gens", "cong", "atty", "supt", "det", "insp", "hon", "fr", "sec", "secs", "dept", "univ", "ave", "del",
]);

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
pub(super) const MEDIA_NOUNS: Words = Words::new(11, &["media", "press", "reporters", "journalists", "newspaper", "television", "radio", "broadcaster"]);

/// Newsroom labels and headline topics before a colon that introduce the newsroom's own text, not
/// anyone's words: "Editor's note:", "Correction:", "The Latest:", "UPDATE:", "Paris Summit:".
pub(super) const EDITORIAL_LABELS: Words = Words::new(12, &[
    "note", "correction", "corrections", "clarification", "update", "updated", "latest", "related", "disclosure",
    "disclaimer", "background", "analysis", "opinion", "breaking", "exclusive", "watch", "video", "photo", "photos",
    "read", "more", "see", "also",
    // Events a headline is about, which say nothing.
    "summit", "talks", "conference", "meeting", "meetings", "election", "elections", "debate", "hearing", "war", "crisis",
]);

/// Lower-case words inside names ("Ursula von der Leyen", "Osama bin Laden").
pub(super) const NAME_PARTICLES: Words = Words::new(13, &["von", "der", "van", "de", "da", "di", "du", "la", "le", "bin", "al", "ibn"]);

/// Words that open an adjunct between commas after a speaker ("at a later press gaggle").
pub(super) const ADJUNCT_STARTS: Words = Words::new(14, &["at", "in", "on", "during", "after", "before", "for", "from", "with", "speaking", "writing", "asked", "meanwhile", "however", "though", "too", "also"]);

/// Verbs that take the hearer as object before the reported clause ("told reporters that").
pub(super) const OBJECT_VERBS: Words = Words::new(15, &["told", "tells", "telling", "tell", "warned", "warns", "assured", "reminded", "informed", "urged", "asked", "convinced", "promised"]);

/// Verbs whose object is attributed content ("endorsed Clinton", "declined to comment").
pub(super) const OBJECT_CUES: Words = Words::new(16, &[
    "endorsed", "endorse", "endorses", "endorsing", "support", "supports", "supported", "supporting", "criticized",
    "criticizes", "criticizing", "criticised", "accused", "accuses", "accusing", "described", "describes",
    "describing", "defended", "defends", "defending", "defend", "proposed", "proposes", "proposing", "praised",
    "praises", "praising", "want", "wants", "wanted", "urged", "urges", "urging", "sought", "seeks", "seeking",
    "discuss", "discussed", "discussing", "attacked", "attacks", "attacking", "opposed", "opposes", "opposing",
    "oppose", "backing", "backed", "backs", "rejected", "rejects", "rejecting", "questioned", "questioning",
    "declined", "refused", "plans", "planned", "vowed", "vowing", "pledged", "pledging", "promising",
    "ordered", "offered", "offering", "expressed", "dismissed", "dismissing", "denounced", "denouncing",
    "denounce", "blasted", "blasting", "blamed", "blaming", "blame", "mocked", "mocking", "condemned",
    "condemning", "touted", "touting", "highlighted", "slammed", "slamming", "decried", "echoed", "requested",
    "demanded", "demanding", "demands", "cited", "citing", "cites", "mentioned", "mention", "recommended",
    "applauded", "welcomed", "lauded", "hailed", "predicting", "announce", "disputed", "disputes",
    "called", "announced", "announces", "announcing", "asked", "see", "sees", "saw", "hoping", "hopes", "hope",
    "decided", "agreed", "address", "addressed", "named", "expect", "expects", "plan", "promised", "promise",
    "revealed", "reveal", "denied", "denies", "deny", "acknowledged", "admitted", "confirmed", "declared",
    "suggesting", "claim", "know", "knows", "knew", "viewed", "consider", "considers", "considered", "compared",
    "identified", "favor", "favors", "favored", "recognize", "explain", "shows", "showed", "show", "showing",
    "found", "finds", "predicted", "predicts", "warned", "blasts", "touts", "rejects", "questions", "mocks",
]);

/// Verbs with their preposition whose object is attributed content ("called for …").
pub(super) const PHRASAL_CUES: Phrases = Phrases::new(17, &[
    ("called", "for"), ("calls", "for"), ("calling", "for"), ("call", "for"), ("called", "on"), ("calls", "on"),
    ("referring", "to"), ("referred", "to"), ("talking", "about"), ("talked", "about"), ("talk", "about"),
    ("talks", "about"), ("spoke", "about"), ("spoke", "of"), ("speaking", "about"), ("asked", "about"),
    ("asked", "for"), ("respond", "to"), ("responded", "to"), ("responding", "to"), ("focused", "on"),
    ("focus", "on"), ("focusing", "on"), ("pointed", "to"), ("pointing", "to"), ("vote", "for"), ("voted", "for"),
    ("advocate", "for"), ("advocated", "for"), ("worried", "about"), ("complained", "about"), ("warned", "of"),
    ("warned", "about"), ("critical", "of"), ("look", "at"), ("looked", "at"), ("looking", "at"), ("point", "out"),
    ("pointed", "out"), ("pointing", "out"), ("points", "out"), ("looking", "for"), ("laid", "out"),
    ("railed", "against"), ("rail", "against"), ("voting", "for"), ("votes", "for"), ("aimed", "at"),
    ("interested", "in"), ("voted", "against"), ("points", "to"), ("pushed", "for"), ("pushing", "for"),
    ("push", "for"), ("supportive", "of"), ("assured", "of"), ("think", "of"), ("agree", "with"), ("agreed", "with"),
    ("agrees", "with"), ("concerned", "about"), ("balked", "at"), ("proud", "of"), ("wary", "of"),
    ("confident", "in"), ("campaigned", "for"), ("campaigning", "for"), ("sided", "with"), ("worry", "about"),
    ("worries", "about"), ("believe", "in"), ("believes", "in"), ("commented", "on"), ("comment", "on"),
    ("commenting", "on"), ("touched", "on"), ("lashed", "out"), ("spoke", "out"), ("speak", "out"),
    ("speaking", "out"), ("weighed", "in"), ("went", "after"), ("hit", "back"), ("fired", "back"), ("took", "aim"),
    ("pushed", "back"), ("insisted", "on"), ("warning", "of"), ("warning", "about"), ("complaining", "about"),
    ("talk", "of"), ("skeptical", "of"), ("critical", "about"), ("opposed", "to"), ("committed", "to"),
]);

/// Nouns with their preposition whose object is attributed content ("questions about …"); the
/// attribution's source is not the sentence's subject.
pub(super) const NOUN_CUES: Phrases = Phrases::new(18, &[
    ("questions", "about"), ("concerns", "about"), ("attacks", "on"), ("attack", "on"), ("support", "for"),
    ("opposition", "to"), ("criticism", "of"), ("favor", "of"), ("response", "to"), ("endorsement", "of"),
    ("mention", "of"), ("supporters", "of"), ("attention", "to"), ("comments", "about"), ("remarks", "about"),
    ("claims", "of"), ("allegations", "of"), ("allegations", "that"), ("accusations", "of"), ("interest", "in"),
    ("support", "of"), ("supporter", "of"), ("supporters", "of"), ("known", "as"), ("doubts", "about"),
    ("case", "for"), ("defense", "of"), ("reference", "to"), ("references", "to"), ("view", "of"), ("views", "of"),
    ("views", "on"), ("issue", "with"), ("positions", "on"), ("position", "on"), ("critique", "of"),
    ("proponent", "of"), ("question", "about"), ("sense", "of"), ("seen", "as"), ("credit", "for"),
    ("rejection", "of"), ("concern", "about"), ("question", "of"), ("stories", "about"), ("debate", "on"),
    ("praise", "for"), ("swipes", "at"), ("embrace", "of"), ("words", "about"), ("attacks", "against"),
    ("criticism", "on"), ("message", "of"), ("hopes", "of"), ("tribute", "to"), ("claim", "of"), ("claims", "that"),
    ("warnings", "of"), ("warnings", "about"), ("promise", "of"), ("promises", "of"), ("demands", "for"),
    ("plea", "for"), ("pledge", "to"), ("commitment", "to"), ("opposition", "of"),
]);

/// Words after a cue verb that show it does not take the content as its object ("support from").
pub(super) const CLAUSE_BREAKS_AFTER_CUE: Words = Words::new(19, &["by", "from", "in", "at", "on", "for", "with", "and", "or", "but", "as", "it", "was", "is", "of", "that", "which", "who", "himself", "herself", "themselves"]);

/// Words that end an object phrase.
pub(super) const OBJECT_BOUNDARIES: Words = Words::new(20, &["because", "after", "before", "while", "when", "since", "during", "although", "though", "but", "until", "unless", "whereas"]);

/// Verbs of appearance whose clause is an impression attributed to the writer ("seemed to …").
pub(super) const APPEARANCE_VERBS: Words = Words::new(21, &["seemed", "seems", "appeared", "appears"]);

/// Verbs of saying that take a bare clause whatever its first word ("say disagreements broke out").
pub(super) const BARE_CLAUSE_VERBS: Words = Words::new(22, &["said", "says", "say", "saying", "argued", "argues", "insisted", "insists", "claimed", "claims", "believe", "believes", "think", "thinks", "suggested", "suggests", "noted", "added"]);

/// Words after a verb of saying that start an adjunct or an object, not a clause.
pub(super) const NOT_CLAUSE_STARTS: Words = Words::new(23, &[
    "on", "in", "at", "to", "by", "with", "for", "from", "during", "after", "before", "about", "of", "and", "or",
    "but", "as", "so", "yes", "no", "not", "nothing", "something", "anything", "much", "little", "goodbye",
    "hello", "thanks", "sorry", "otherwise", "last", "this", "next", "earlier", "later", "today", "yesterday",
    "tonight", "again", "recently", "repeatedly", "once", "twice", "through", "via", "while", "when", "because",
    "if", "though", "although", "since", "than", "over", "under", "into", "within", "without", "too", "also",
    "later", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "here", "there",
]);

/// Words between a verb and a "that" which show that a clause has already begun.
pub(super) const THAT_BLOCKERS: Words = Words::new(24, &["and", "but", "or", "he", "she", "they", "we", "i", "it", "you", "there", "is", "was", "are", "were", "will", "would", "has", "had", "have", "can", "could", "should", "not", "an"]);

/// Words after a comma that end a reported clause (", while others …", ", according to …").
pub(super) const CLAUSE_END_LINKS: Words = Words::new(25, &["according", "while", "whereas", "although", "though", "but", "yet"]);

/// The word that introduces the topic of speech after one of `TOPIC_HEADS`.
pub(super) const ABOUT: Words = Words::new(35, &["about"]);

/// Words of speech that make a following "about" introduce its topic, with up to
/// `MAX_TOPIC_DISTANCE` words between ("asked Clinton about").
pub(super) const TOPIC_HEADS: Words = Words::new(26, &[
    "asked", "asks", "ask", "asking", "talk", "talked", "talking", "talks", "spoke", "speak", "speaks", "speaking",
    "pressed", "questioned", "discussion", "discussions", "debate", "comment", "comments", "remarks", "skepticism",
    "concern", "concerns", "questions", "question", "worried", "told", "tell", "tells", "wrote", "writes",
    "tweeted", "complained", "warned", "joked", "testified", "briefed", "said", "say", "says", "secret",
]);

/// Participles that continue the sentence subject's speech (", adding that …").
pub(super) const PARTICIPLES: Words = Words::new(27, &["saying", "adding", "noting", "arguing", "claiming", "warning", "insisting", "stressing", "explaining", "asserting", "declaring", "acknowledging", "suggesting", "telling", "writing", "announcing"]);

/// Words that can start a reported clause right after its verb ("said the plan would …").
pub(super) const CLAUSE_STARTS: Words = Words::new(28, &[
    "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "there", "this",
    "these", "those", "our", "my", "no", "some", "many", "all", "both", "most", "if", "whether", "what", "how",
    "why", "when", "such", "every", "any", "each", "none", "nobody", "nothing", "one",
]);

pub(super) const PRONOUN_STARTS: Words = Words::new(29, &["he", "she", "they", "it", "we", "i", "you", "there", "that", "whether", "if", "what", "how", "why"]);

pub(super) const DAY_AND_MONTH_WORDS: Words = Words::new(30, &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "today", "yesterday", "tonight",
]);

/// The word that credits a source ("according to"), which every sentence is searched for.
pub(super) const ACCORDING: Words = Words::new(32, &["according"]);

/// The words of the cues that credit an outlet ("according to", "as reported by", "per", "AP has
/// learned"): a sentence without one credits none. Every cue `reported::attributions_in` reads
/// needs its word here (the `media_attributions` test has a case for each).
pub(super) const MEDIA_CUES: Words = Words::new(36, &["according", "reported", "obtained", "cited", "quoted", "per", "reports", "learned", "confirmed"]);
