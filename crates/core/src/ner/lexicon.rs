//! Small hand-kept word lists: places and their adjectives (to name an affiliation), titles and
//! honorifics (to tell a person's role from the name). The tagger also uses them as features.

/// (adjective or short form, place). Lookups are case-insensitive.
const PLACE_ADJECTIVES: &[(&str, &str)] = &[
    ("afghan", "Afghanistan"), ("albanian", "Albania"), ("algerian", "Algeria"), ("american", "United States"),
    ("argentine", "Argentina"), ("argentinian", "Argentina"), ("armenian", "Armenia"), ("australian", "Australia"),
    ("austrian", "Austria"), ("azerbaijani", "Azerbaijan"), ("belarusian", "Belarus"), ("belgian", "Belgium"),
    ("bosnian", "Bosnia"), ("brazilian", "Brazil"), ("british", "United Kingdom"), ("bulgarian", "Bulgaria"),
    ("canadian", "Canada"), ("chilean", "Chile"), ("chinese", "China"), ("colombian", "Colombia"),
    ("croatian", "Croatia"), ("cuban", "Cuba"), ("cypriot", "Cyprus"), ("czech", "Czech Republic"),
    ("danish", "Denmark"), ("dutch", "Netherlands"), ("egyptian", "Egypt"), ("english", "England"),
    ("estonian", "Estonia"), ("ethiopian", "Ethiopia"), ("european", "Europe"), ("finnish", "Finland"),
    ("french", "France"), ("georgian", "Georgia"), ("german", "Germany"), ("greek", "Greece"),
    ("hungarian", "Hungary"), ("icelandic", "Iceland"), ("indian", "India"), ("indonesian", "Indonesia"),
    ("iranian", "Iran"), ("iraqi", "Iraq"), ("irish", "Ireland"), ("israeli", "Israel"), ("italian", "Italy"),
    ("japanese", "Japan"), ("jordanian", "Jordan"), ("kazakh", "Kazakhstan"), ("kenyan", "Kenya"),
    ("korean", "Korea"), ("kosovar", "Kosovo"), ("latvian", "Latvia"), ("lebanese", "Lebanon"),
    ("libyan", "Libya"), ("lithuanian", "Lithuania"), ("luxembourgish", "Luxembourg"), ("malaysian", "Malaysia"),
    ("maltese", "Malta"), ("mexican", "Mexico"), ("moldovan", "Moldova"), ("moroccan", "Morocco"),
    ("nigerian", "Nigeria"), ("norwegian", "Norway"), ("pakistani", "Pakistan"), ("palestinian", "Palestine"),
    ("peruvian", "Peru"), ("philippine", "Philippines"), ("polish", "Poland"), ("portuguese", "Portugal"),
    ("romanian", "Romania"), ("russian", "Russia"), ("saudi", "Saudi Arabia"), ("scottish", "Scotland"),
    ("serbian", "Serbia"), ("slovak", "Slovakia"), ("slovenian", "Slovenia"), ("somali", "Somalia"),
    ("south african", "South Africa"), ("south korean", "South Korea"), ("north korean", "North Korea"),
    ("spanish", "Spain"), ("sudanese", "Sudan"), ("swedish", "Sweden"), ("swiss", "Switzerland"),
    ("syrian", "Syria"), ("taiwanese", "Taiwan"), ("thai", "Thailand"), ("turkish", "Turkey"),
    ("ukrainian", "Ukraine"), ("venezuelan", "Venezuela"), ("vietnamese", "Vietnam"), ("welsh", "Wales"),
    ("yemeni", "Yemen"), ("u.s.", "United States"), ("us", "United States"), ("u.k.", "United Kingdom"),
    ("uk", "United Kingdom"), ("e.u.", "European Union"), ("eu", "European Union"), ("un", "United Nations"),
    ("u.n.", "United Nations"), ("nato", "NATO"), ("uae", "United Arab Emirates"),
];

/// Country and region names, lowercase, for the tagger's place feature.
const PLACES: &[&str] = &[
    "afghanistan", "albania", "algeria", "america", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "belarus", "belgium", "bosnia", "brazil", "britain", "bulgaria", "canada", "chile", "china",
    "colombia", "croatia", "cuba", "cyprus", "denmark", "egypt", "england", "estonia", "ethiopia", "europe",
    "finland", "france", "georgia", "germany", "greece", "hungary", "iceland", "india", "indonesia", "iran",
    "iraq", "ireland", "israel", "italy", "japan", "jordan", "kazakhstan", "kenya", "korea", "kosovo",
    "latvia", "lebanon", "libya", "lithuania", "luxembourg", "malaysia", "malta", "mexico", "moldova",
    "morocco", "netherlands", "nigeria", "norway", "pakistan", "palestine", "peru", "philippines", "poland",
    "portugal", "romania", "russia", "scotland", "serbia", "slovakia", "slovenia", "somalia", "spain",
    "sudan", "sweden", "switzerland", "syria", "taiwan", "thailand", "turkey", "ukraine", "venezuela",
    "vietnam", "wales", "yemen", "africa", "asia", "london", "paris", "berlin", "moscow", "kyiv", "kiev",
    "washington", "brussels", "beijing", "tokyo", "rome", "madrid", "warsaw", "jerusalem", "gaza",
    // Places in the news since the 1996 training data, which the tagger has never seen.
    "crimea", "donbas", "donbass", "donetsk", "luhansk", "kherson", "zaporizhzhia", "kharkiv", "mariupol",
    "odesa", "bakhmut", "avdiivka", "dnipro", "lviv", "sevastopol", "belgorod", "kursk", "transnistria",
    "rafah", "golan", "idlib", "aleppo", "raqqa", "mosul", "fallujah", "tigray",
    "darfur", "xinjiang", "tibet", "pyongyang", "seoul", "taipei", "kabul", "kandahar",
    "tehran", "baghdad", "damascus", "beirut", "kinshasa", "khartoum", "sahel", "nagorno-karabakh",
    "élysée", "elysee", "kremlin", "downing",
];

/// Family names that come first in East Asian names ("Xi Jinping", "Kim Jong Un"), for the tagger;
/// words that are also common English words ("Moon", "Park", "Sun") are left out.
const ASIAN_FAMILY_NAMES: &[&str] = &[
    "kim", "xi", "li", "wang", "zhang", "liu", "chen", "zhao", "zhou", "huang", "jiang", "deng", "mao",
    "hu", "wen", "xu", "yang", "wu", "zhu", "guo", "lin", "yoon", "choi", "lee", "nguyen", "tran", "pham",
    "hun", "suga", "kishida", "abe",
];

/// Job titles that stand before or after a name ("President Macron", "Macron, the president").
/// Multi-word titles come first so the longest match wins.
pub const TITLES: &[&str] = &[
    "prime minister", "foreign minister", "defence minister", "defense minister", "finance minister",
    "interior minister", "deputy prime minister", "secretary of state", "secretary-general", "secretary general",
    "chief of staff", "chief executive", "vice president", "vice-president", "first minister",
    "attorney general", "national security adviser", "special envoy", "foreign secretary", "home secretary",
    "defence secretary", "defense secretary", "chancellor", "president", "minister", "secretary", "premier",
    "taoiseach", "tánaiste", "king", "queen", "prince", "princess", "pope", "chief", "leader", "spokesman",
    "spokeswoman", "spokesperson", "envoy", "ambassador", "governor", "senator", "mayor", "general",
    "commander", "admiral", "ceo", "chairman", "chairwoman", "chair", "director", "head", "coach", "captain",
    "manager", "judge", "justice", "commissioner", "representative", "lawmaker", "mp", "official",
    "adviser", "advisor", "sheikh", "emir", "sultan", "ayatollah", "cardinal", "bishop", "archbishop",
    "lieutenant", "colonel", "major", "sergeant", "inspector", "detective", "superintendent", "striker",
    "midfielder", "defender", "goalkeeper", "analyst", "economist", "executive", "founder", "owner",
    "son-in-law", "daughter-in-law", "wife", "husband", "son", "daughter", "brother", "sister", "father",
    "mother", "widow", "lawyer", "attorney", "aide", "deputy", "negotiator", "diplomat",
];

/// Forms of address that belong neither to the name nor to the role.
pub const HONORIFICS: &[&str] = &[
    "sir", "dame", "lord", "lady", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.",
    "rev", "rev.", "gen.", "sen.", "gov.", "rep.",
];

/// Title abbreviations that also tell the role ("Gen." → General).
pub const ABBREVIATED_TITLES: &[(&str, &str)] = &[
    ("gen.", "General"), ("sen.", "Senator"), ("gov.", "Governor"), ("rep.", "Representative"),
    ("lt.", "Lieutenant"), ("col.", "Colonel"), ("capt.", "Captain"), ("adm.", "Admiral"), ("sgt.", "Sergeant"),
];

/// The place an adjective or short form stands for ("French" → France, "U.K." → United Kingdom).
pub fn place_of_adjective(word: &str) -> Option<&'static str> {
    const LONGEST: usize = 24;
    debug_assert!(PLACE_ADJECTIVES.iter().all(|(adjective, _)| adjective.len() <= LONGEST));
    // Case-insensitive in ASCII alone, as `eq_ignore_ascii_case`.
    let mut lower = [0u8; LONGEST];
    let lower = lower.get_mut(..word.len())?;
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    place_of_lowercase(std::str::from_utf8(lower).ok()?)
}

/// [`place_of_adjective`] for a word already lowercase (a token's lowercase form): no copy to
/// lowercase. Looked up in a map rather than the list: roles and descriptions ask for every "the …".
pub fn place_of_lowercase(word: &str) -> Option<&'static str> {
    static BY_ADJECTIVE: std::sync::OnceLock<super::features::WordMap<&str, &str>> = std::sync::OnceLock::new();
    let by_adjective = BY_ADJECTIVE.get_or_init(|| PLACE_ADJECTIVES.iter().copied().collect());
    debug_assert!(PLACE_ADJECTIVES.iter().all(|(adjective, _)| !adjective.bytes().any(|b| b.is_ascii_uppercase())));
    by_adjective.get(word).copied()
}

pub fn all_places() -> impl Iterator<Item = &'static str> {
    PLACES.iter().copied()
}

pub fn all_asian_family_names() -> impl Iterator<Item = &'static str> {
    ASIAN_FAMILY_NAMES.iter().copied()
}

pub fn all_adjectives() -> impl Iterator<Item = &'static str> {
    PLACE_ADJECTIVES.iter().map(|(adjective, _)| *adjective)
}

/// Lowercase particles inside names, which the tagger (trained on little such data) may leave out.
pub const NAME_PARTICLES: &[&str] = &["von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "dos", "das"];
/// Particles found only in people's names, so that they make a person of any two names they join.
pub const PERSON_PARTICLES: &[&str] = &["von", "van", "der", "den", "bin", "ibn"];

/// Prepositions: a word between a name's comma and a title that makes the title someone else's.
pub const PREPOSITIONS: [&str; 13] = ["by", "of", "for", "to", "with", "from", "as", "at", "in", "on", "under", "after", "before"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adjectives_name_their_place_in_any_ascii_case() {
        for (word, place) in [
            ("French", Some("France")),
            ("FRENCH", Some("France")),
            ("french", Some("France")),
            ("Frenchman", None),
            ("Frenc", None),
            ("", None),
            ("an adjective longer than any in the list", None),
            ("Ｆrench", None),
        ] {
            assert_eq!(place_of_adjective(word), place, "{word:?}");
        }
        for word in ["French", "FRENCH", "U.K.", "Frenchman", "", "ÉLYSÉE", "Ｆrench", "an adjective longer than any in the list"] {
            assert_eq!(place_of_lowercase(&word.to_lowercase()), place_of_adjective(word), "{word:?} lowercased");
        }
        for &(adjective, place) in PLACE_ADJECTIVES {
            assert_eq!(place_of_adjective(&adjective.to_ascii_uppercase()), Some(place), "{adjective:?}");
        }
    }
}
