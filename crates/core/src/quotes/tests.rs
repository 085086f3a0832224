//! Named cases: text in, expected quotes out. A case's name is in every failure message.
use super::*;
use std::time::{Duration, Instant};

/// What a case expects of one quote: kind, content, speaker as written (None: no speaker).
type Expected = (QuoteKind, &'static str, Option<&'static str>);

fn check(name: &str, text: &str, expected: &[Expected]) -> Vec<Quote> {
    let quotes = extract_quotes(text, &[]);
    let got: Vec<(QuoteKind, &str, Option<&str>)> =
        quotes.iter().map(|q| (q.kind, q.span.text(text), q.speaker.as_ref().map(|s| s.text.as_str()))).collect();
    assert_eq!(got, expected, "case {name:?}");
    quotes
}

use QuoteKind::{Direct, Indirect, Term};

#[test]
fn direct_quotes_in_every_style() {
    let cases: &[(&str, &str, &[Expected])] = &[
        ("straight marks, said after", "\"We will win,\" Clark said.", &[(Direct, "We will win,", Some("Clark"))]),
        ("curly marks, inverted said", "“We will win,” said Clark.", &[(Direct, "We will win,", Some("Clark"))]),
        ("guillemets", "Macron said: « Nous gagnerons. »", &[(Direct, "Nous gagnerons.", Some("Macron"))]),
        ("low-high marks", "Scholz said: „Wir schaffen das.“", &[(Direct, "Wir schaffen das.", Some("Scholz"))]),
        ("single marks as quotes", "‘We are ready,’ the minister said.", &[(Direct, "We are ready,", Some("the minister"))]),
        ("typewriter double single marks", "''It is over,'' Mr. Frum wrote.", &[(Direct, "It is over,", Some("Mr. Frum"))]),
        ("nested quote stays inside", "“He told me ‘never again’ and left,” Ana said.", &[
            (Direct, "He told me ‘never again’ and left,", Some("Ana")),
        ]),
        ("headline quote with colon", "Zelensky: “We will not give up our land.”", &[
            (Direct, "We will not give up our land.", Some("Zelensky")),
        ]),
        ("signature after a dash", "“Maybe we can build a wall around him.” ― Steve Quinlan\n", &[
            (Direct, "Maybe we can build a wall around him.", Some("Steve Quinlan")),
        ]),
        ("party and state label", "\"We cannot deny the right,\" Rep. John Mica (R-Fla.) said.", &[
            (Direct, "We cannot deny the right,", Some("Rep. John Mica (R-Fla.)")),
        ]),
        ("initials in an inverted speaker", "“This is a disgusting day,” said Rep. G.K. Butterfield, the caucus chairman.", &[
            (Direct, "This is a disgusting day,", Some("Rep. G.K. Butterfield, the caucus chairman")),
        ]),
        ("adjunct between commas", "Hillary Clinton, at a later press gaggle, said, “I have been briefed.”", &[
            (Direct, "I have been briefed.", Some("Hillary Clinton")),
        ]),
        ("participle between commas", "European Council President Donald Tusk, summing up the talks, said: “It was a sad moment.”", &[
            (Direct, "It was a sad moment.", Some("European Council President Donald Tusk")),
        ]),
        ("question mark and asked", "“Where is the money?” she asked.", &[(Direct, "Where is the money?", Some("she"))]),
        ("appositive speaker", "“It is a first step,” Macron, the French president, said.", &[
            (Direct, "It is a first step,", Some("Macron, the French president")),
        ]),
        ("inverted speaker with appositive", "“We are ready,” said Mark Rutte, the NATO secretary general.", &[
            (Direct, "We are ready,", Some("Mark Rutte, the NATO secretary general")),
        ]),
        ("nominal speaker", "“No decision has been taken,” a Downing Street spokesperson said.", &[
            (Direct, "No decision has been taken,", Some("a Downing Street spokesperson")),
        ]),
        ("organization speaker", "“The alliance stands united,” NATO said in a statement.", &[
            (Direct, "The alliance stands united,", Some("NATO")),
        ]),
        ("no recoverable speaker", "The hall fell silent.\n\n“This is not over yet.”", &[(Direct, "This is not over yet.", None)]),
        ("unknown verb after a comma-closed quote", "“That is out of touch,” Beck questioned.", &[
            (Direct, "That is out of touch,", Some("Beck")),
        ]),
    ];
    for (name, text, expected) in cases {
        check(name, text, expected);
    }
}

#[test]
fn split_and_multi_paragraph_quotes_keep_their_speaker() {
    let cases: &[(&str, &str, &[Expected])] = &[
        ("split quote", "“We are ready,” Martin added, “and we will act.”", &[
            (Direct, "We are ready,", Some("Martin")),
            (Direct, "and we will act.", Some("Martin")),
        ]),
        ("second sentence after the attribution", "“It’s not quite optimistic,” he said. “We’re hopeful.”", &[
            (Direct, "It’s not quite optimistic,", Some("he")),
            (Direct, "We’re hopeful.", Some("he")),
        ]),
        ("paragraph re-opened with a mark", "Ana said: “The first part goes on\n\n“and the second part ends here.”", &[
            (Direct, "The first part goes on", Some("Ana")),
            (Direct, "and the second part ends here.", Some("Ana")),
        ]),
        ("quote paragraph after an attributed one", "“We won,” Barkley said.\n\n“This is the greatest place in the world.”", &[
            (Direct, "We won,", Some("Barkley")),
            (Direct, "This is the greatest place in the world.", Some("Barkley")),
        ]),
    ];
    for (name, text, expected) in cases {
        let quotes = check(name, text, expected);
        assert!(quotes[1].continues_previous, "case {name:?}: the second part continues the first");
    }
}

#[test]
fn pronoun_speakers_resolve_to_the_last_person() {
    let text = "“We will act,” Martin said. Later he added: “Now.” “No,” she said.";
    let quotes = extract_quotes(text, &[]);
    let names: Vec<&str> = quotes.iter().filter_map(|q| q.speaker.as_ref()).map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Martin", "Martin", "Martin"], "pronouns take the most recent named person");
}

#[test]
fn speakers_resolve_to_entities() {
    let text = "“We are ready,” said Mr. Rutte. He added: “Now.”";
    let start = text.find("Rutte").unwrap();
    let rutte = Entity {
        kind: crate::ner::EntityKind::Person,
        name: "Mark Rutte".into(),
        mentions: vec![Span::new(start, start + 5)],
        id: "per-mark-rutte".into(),
        role: None,
        affiliation: None,
        honorific: None,
        descriptions: Vec::new(),
    };
    let quotes = extract_quotes(text, &[rutte]);
    for quote in &quotes {
        let speaker = quote.speaker.as_ref().expect("every quote has a speaker");
        assert_eq!((speaker.name.as_str(), speaker.entity.as_deref()), ("Mark Rutte", Some("per-mark-rutte")), "speaker of {:?}", quote.span.text(text));
    }
}

#[test]
fn a_possessive_speaker_is_named_without_its_s() {
    let text = "Despite Moscow’s talk of peace, Lambrinidis pointed out, Russia kept up its attacks. The minister's call for calm went unheeded.";
    let names: Vec<String> = extract_quotes(text, &[]).into_iter().filter_map(|q| q.speaker.map(|s| s.name)).collect();
    assert_eq!(names, ["Moscow", "The minister"]);
}

#[test]
fn venues() {
    let cases = [
        ("told an outlet", "“We will not retreat,” Zelensky told CBS News.", "CBS News"),
        ("interview with", "“We will not retreat,” Zelensky said in an interview with the BBC.", "BBC"),
        ("statement provided to", "“We will not retreat,” the ministry said in a statement provided to TIME.", "TIME"),
        ("local media", "“We will not retreat,” the mayor said, speaking to local media.", "local media"),
        ("told before the quote", "Zelensky told Reuters: “We will not retreat.”", "Reuters"),
    ];
    for (name, text, venue) in cases {
        let quotes = extract_quotes(text, &[]);
        assert_eq!(quotes.first().and_then(|q| q.venue.as_deref()), Some(venue), "case {name:?}");
    }
}

#[test]
fn reported_speech() {
    let cases: &[(&str, &str, &[Expected])] = &[
        ("said that", "Trump stressed that the E.U. should cease buying Russian oil.", &[
            (Indirect, "that the E.U. should cease buying Russian oil", Some("Trump")),
        ]),
        ("said without that", "Macron said the plan would fail without American support.", &[
            (Indirect, "the plan would fail without American support", Some("Macron")),
        ]),
        ("according to, first", "According to the ministry, the talks will resume on Monday.", &[
            (Indirect, "the talks will resume on Monday", Some("the ministry")),
        ]),
        ("according to, last", "The talks will resume on Monday, according to two officials.", &[
            (Indirect, "The talks will resume on Monday", Some("two officials")),
        ]),
        ("postposed attribution", "The plan would fail without American support, he said.", &[
            (Indirect, "The plan would fail without American support", Some("he")),
        ]),
        ("a participle's object is not its speaker", "He welcomed the plan, noting the EU’s contribution to these efforts.", &[
            (Indirect, "the plan", Some("He")),
            (Indirect, "the EU’s contribution to these efforts", Some("He")),
        ]),
        ("a possessive alone is no speaker", "Yet the coalition knew that their plans would carry weight only with American backing.", &[
            (Indirect, "would carry weight only with American backing", None),
        ]),
        ("the word after a determiner is a noun", "The leaders are expected to endorse the plan.", &[(Indirect, "the plan", Some("The leaders"))]),
        ("a plural noun after a nationality", "European leaders are expected to endorse a unified vision.", &[
            (Indirect, "a unified vision", Some("European leaders")),
        ]),
        ("a linking adverb is no subject", "Meanwhile, the Air Force said Russia launched 112 drones, while claiming that air defenses stopped 84 of them.", &[
            (Indirect, "Russia launched 112 drones", Some("the Air Force")),
            (Indirect, "that air defenses stopped 84 of them", Some("the Air Force")),
        ]),
        ("a cue word before a verb is a noun", "Details of US support remain unclear.", &[]),
        ("told someone that", "Macron told reporters that Europe must rearm quickly.", &[
            (Indirect, "that Europe must rearm quickly", Some("Macron")),
        ]),
        ("object of a cue verb", "Trump criticized the Iran deal.", &[(Indirect, "the Iran deal", Some("Trump"))]),
        ("one-word object, time phrase left out", "The union endorsed Clinton on Friday.", &[(Indirect, "Clinton", Some("The union"))]),
        ("cue verb and preposition", "Sanders called for a ban on fracking, drawing applause.", &[
            (Indirect, "a ban on fracking", Some("Sanders")),
        ]),
        ("cue noun has no speaker", "Clinton faced new questions about her emails.", &[(Indirect, "her emails", None)]),
        ("bare clause after said", "Three former employees said disagreements broke out within the firm.", &[
            (Indirect, "disagreements broke out within the firm", Some("Three former employees")),
        ]),
        ("that of the clause is not a complementizer", "Clinton said she was not going to jump to that conclusion.", &[
            (Indirect, "she was not going to jump to that conclusion", Some("Clinton")),
        ]),
        ("participle ends the clause", "Packer said the focus on Trump is taking a toll, pointing to the polls.", &[
            (Indirect, "the focus on Trump is taking a toll", Some("Packer")),
            (Indirect, "the polls", Some("Packer")),
        ]),
        ("attribution between commas", "The editorial, sources said, nailed the narrative of the campaign.", &[
            (Indirect, "The editorial, sources said, nailed the narrative of the campaign", Some("sources")),
        ]),
        ("impression", "Trump seemed to suggest he had silenced his former wife.", &[
            (Indirect, "Trump seemed to suggest he had silenced his former wife", None),
        ]),
        ("colon after the verb", "He added: the plan will fail without support.", &[
            (Indirect, "the plan will fail without support", Some("He")),
        ]),
        ("day before the clause", "Mr. Clinton said Thursday he would leave the board.", &[
            (Indirect, "he would leave the board", Some("Mr. Clinton")),
        ]),
        ("headline label", "Pence: Flowers Won’t Be at Debate.\n\nThe rest follows.", &[
            (Indirect, "Flowers Won’t Be at Debate", Some("Pence")),
        ]),
        ("newsroom labels are not speakers", "Editor’s note: Donald Trump regularly incites violence.\n\nCorrection: An earlier version misdated the law.\n", &[]),
        ("a headline's event is not a speaker", "Paris Summit: Unity Among Allies for Ukraine's Security\n\nAllies met on Tuesday.\n", &[]),
        ("transcript label", "WALLACE: Let’s start with the debate story tonight.\n", &[
            (Indirect, "Let’s start with the debate story tonight", Some("WALLACE")),
        ]),
        ("topic after asked", "Holt asked him about his tax returns.", &[(Indirect, "his tax returns", None)]),
        ("and before another cue", "Trump criticized the trade deals and called for steep new tariffs.", &[
            (Indirect, "the trade deals", Some("Trump")),
            (Indirect, "steep new tariffs", Some("Trump")),
        ]),
        ("time phrase is not part of the speaker", "The Supreme Court this month rejected a request from Democrats.", &[
            (Indirect, "a request from Democrats", Some("The Supreme Court")),
        ]),
        ("auxiliary and adverb are not part of the speaker", "Cruz has long said that he qualifies as a natural-born citizen.", &[
            (Indirect, "that he qualifies as a natural-born citizen", Some("Cruz")),
        ]),
        ("verb of thought before a name", "He also thinks Cruz will win the nomination.", &[
            (Indirect, "Cruz will win the nomination", Some("He")),
        ]),
        ("thousands separator stays in the number", "Sanders said 10,000 people came.", &[
            (Indirect, "10,000 people came", Some("Sanders")),
        ]),
        ("next cue of the speaker ends the clause", "Trump said he would order a review and warned against hackers.", &[
            (Indirect, "he would order a review", Some("Trump")),
            (Indirect, "against hackers", Some("Trump")),
        ]),
        ("sentence subject with an appositive", "Ursula von der Leyen, President of the Commission, joined leaders in denouncing these assaults.", &[
            (Indirect, "these assaults", Some("Ursula von der Leyen")),
        ]),
        ("copula between pronoun and cue", "He remains committed to pursuing a peace accord.", &[
            (Indirect, "pursuing a peace accord", Some("He")),
        ]),
        ("subject after an opening adjunct", "On the economic front, the talks focused on warnings about a recession.", &[
            (Indirect, "warnings about a recession", Some("the talks")),
        ]),
        ("a preposition phrase is no speaker", "Despite pushing for direct talks, the envoy left.", &[(Indirect, "direct talks", None)]),
        ("a demonstrative phrase is no speaker", "This gathering saw more than 30 nations participate.", &[
            (Indirect, "more than 30 nations participate", None),
        ]),
        ("quoted as telling", "Putin has been quoted as telling aides that the war will last for years.", &[
            (Indirect, "that the war will last for years", Some("Putin")),
        ]),
        ("mixed quote is one quote", "Martin stated that these provisions were essential to “underpin any cease-fire.”", &[
            (Indirect, "that these provisions were essential to “underpin any cease-fire.”", Some("Martin")),
        ]),
    ];
    for (name, text, expected) in cases {
        let quotes = check(name, text, expected);
        let mixed = quotes.iter().any(|q| q.mixed);
        assert_eq!(mixed, *name == "mixed quote is one quote", "case {name:?}: mixed flag");
    }
}

#[test]
fn terms_and_apostrophes_are_not_speech() {
    let cases: &[(&str, &str, &[Expected])] = &[
        ("scare quotes", "Britain sent a “reassurance force” to Ukraine.", &[(Term, "reassurance force", None)]),
        ("straight scare quotes", "The strike hit a \"legal target\", the army said.", &[(Term, "legal target", None)]),
        ("possessive plural", "The patients' rights were debated in the '90s.", &[]),
        ("elisions", "They played rock ’n’ roll until the ’90s ended.", &[]),
        ("contractions", "It’s what they’d wanted, wasn’t it?", &[]),
    ];
    for (name, text, expected) in cases {
        check(name, text, expected);
    }
}

#[test]
fn unbalanced_marks_stay_in_their_paragraph() {
    let text = "He said “this never closes.\n\nThe next paragraph is narrative. “A real quote,” Ana said.";
    let quotes = extract_quotes(text, &[]);
    let direct: Vec<&str> = quotes.iter().filter(|q| q.kind == Direct).map(|q| q.span.text(text)).collect();
    assert_eq!(direct, ["A real quote,"], "an unclosed mark must not swallow the next paragraph");
}

#[test]
fn media_attributions() {
    let cases = [
        ("as reported by", "The talks stalled, as reported by TIME.", "TIME", "as reported by TIME"),
        ("according to", "According to Reuters, the talks stalled.", "Reuters", "According to Reuters"),
        ("per", "The talks stalled, per AP.", "AP", "per AP"),
        ("outlet reported", "The Associated Press reported that the talks stalled.", "The Associated Press", "The Associated Press reported"),
        ("copy obtained", "The memo, a copy of which AFP obtained, was short.", "AFP", "a copy of which AFP obtained"),
        ("suffix outlet", "The deal was signed, as reported by Ukrinform.", "Ukrinform", "as reported by Ukrinform"),
        // Each cue word once: sentences without one are not searched (see `MEDIA_CUES`).
        ("obtained by", "The memo was obtained by Reuters.", "Reuters", "obtained by Reuters"),
        ("cited by", "The figure was cited by AFP.", "AFP", "cited by AFP"),
        ("quoted by", "The minister was quoted by TIME.", "TIME", "quoted by TIME"),
        ("outlet reports", "Reuters reports that the talks stalled.", "Reuters", "Reuters reports"),
        ("has learned", "AP has learned that the talks stalled.", "AP", "AP has learned"),
        ("have confirmed", "The talks stalled, AFP and Reuters have confirmed.", "Reuters", "Reuters have confirmed"),
        ("first reported", "The talks stalled, as TIME first reported.", "TIME", "TIME first reported"),
    ];
    for (name, text, outlet, cue) in cases {
        let found = extract_media_attributions(text);
        let got: Vec<(&str, &str)> = found.iter().map(|a| (a.outlet.as_str(), a.span.text(text))).collect();
        assert_eq!(got, [(outlet, cue)], "case {name:?}");
        assert_eq!(found[0].sentence.text(text), text, "case {name:?}: the supported sentence");
    }
}

#[test]
fn pathological_inputs_finish_quickly_without_panicking() {
    let cases = [
        ("10,000 straight marks", "\"".repeat(10_000)),
        ("10,000 curly openers", "“a ".repeat(10_000)),
        ("alternating singles", "‘’'x ".repeat(10_000)),
        ("no punctuation", "said he that according to the ".repeat(5_000)),
        ("unbalanced over paragraphs", "“open and never closed said Ana\n\n".repeat(3_000)),
        ("multibyte soup", "é“🎉”’‘«»„\u{a0}\n".repeat(5_000)),
        ("one sentence of 100,000 commas", "apples, pears, ".repeat(50_000)),
        ("a speech verb after every comma", "apples, said, ".repeat(50_000)),
    ];
    for (name, text) in cases {
        let started = Instant::now();
        let _ = extract_quotes(&text, &[]);
        let _ = extract_media_attributions(&text);
        assert!(started.elapsed() < Duration::from_secs(2), "case {name:?} took {:?}", started.elapsed());
    }
}

#[test]
fn word_lists_have_bits_of_their_own() {
    use super::document::{CAPITALIZED, LOWER_CASE_COPIED};
    use super::lexicon::{OUTLET_CAPITAL_START, OUTLET_LOWER_CASE_START, OUTLET_SUFFIX, PHRASE_LISTS, WORD_LISTS};
    let others = [OUTLET_CAPITAL_START, OUTLET_LOWER_CASE_START, OUTLET_SUFFIX, CAPITALIZED, LOWER_CASE_COPIED];
    let bits: Vec<u64> = WORD_LISTS.iter().map(|w| w.bit).chain(PHRASE_LISTS.iter().map(|p| p.bit)).chain(others).collect();
    assert_eq!(bits.iter().fold(0, |all, bit| all | bit).count_ones() as usize, bits.len(), "every list has a bit no other list has");
}

#[test]
fn one_reading_gives_what_the_two_extractions_give() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../articles");
    for article in crate::article::load_dir(std::path::Path::new(dir)).expect("seed articles") {
        let text = &article.text;
        let together = extract_quotes_and_attributions(text, &[]);
        assert_eq!(together, (extract_quotes(text, &[]), extract_media_attributions(text)), "{}", article.id);
        assert!(!together.0.is_empty(), "{}: quotes", article.id);
    }
}

#[test]
fn tokens_read_lower_case_in_place_or_copied() {
    let doc = document::Document::new("“ÉLYSÉE” Said Ñandú — é ΟΔΟΣ");
    let lower: Vec<&str> = (0..doc.len()).map(|i| doc.lower(i)).collect();
    assert_eq!(lower, ["“", "élysée", "”", "said", "ñandú", "—", "é", "οδος"]);
}

#[test]
fn only_ascii_letters_lower_case_to_words_told_by_their_bytes() {
    // `Document::outlet_from` tells "the", `scan::single_mark` an elision and `resolve_speakers`
    // a pronoun in any case by their bytes, not by their lower-cased texts.
    let words = ["the"].iter().chain(scan::ELISIONS).chain(lexicon::PERSON_PRONOUNS.list).chain(lexicon::PLURAL_OR_ORG_PRONOUNS.list);
    let letters: String = words.clone().copied().collect();
    let non_ascii = (char::MIN..=char::MAX).filter(|c| !c.is_ascii());
    assert!(non_ascii.clone().all(|c| !c.to_lowercase().all(|l| letters.contains(l))));
    for word in words {
        let cases = [word.to_string(), word.to_uppercase(), word[..1].to_uppercase() + &word[1..]];
        assert!(cases.iter().all(|w| w.to_lowercase() == *word && w.eq_ignore_ascii_case(word)), "{word}");
    }
}

proptest::proptest! {
    #[test]
    fn initials_are_what_splitting_at_periods_finds(word in "[A-Za-zÉéΣ.]{0,6}") {
        let split = word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
        proptest::prop_assert_eq!(document::is_initials(&word), split, "{:?}", word);
    }
}

/// `Document::longest_known_outlet` as it was, matching each outlet that starts with the token's word.
fn longest_known_outlet_by_scan(doc: &document::Document, start: usize) -> Option<usize> {
    let outlets = lexicon::known_outlets();
    let from = outlets.partition_point(|words| words[0] < doc.raw(start));
    outlets[from..]
        .iter()
        .take_while(|words| words[0] == doc.raw(start))
        .filter(|words| words.iter().enumerate().all(|(k, w)| start + k < doc.len() && doc.raw(start + k) == *w))
        .map(|words| start + words.len())
        .max()
}

#[test]
fn the_longest_known_outlet_is_found() {
    let doc = document::Document::new("per The New York Times and Fox News, the Hill");
    let found: Vec<Option<usize>> = (0..doc.len()).map(|i| doc.longest_known_outlet(i)).collect();
    assert_eq!(found, [None, Some(5), Some(5), None, None, None, Some(8), None, None, None, None]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
    #[test]
    fn known_outlets_are_found_as_by_a_scan(words in proptest::collection::vec(proptest::sample::select(&[
        "The", "the", "New", "York", "Times", "Associated", "Press", "Wall", "Street", "Journal", "Fox", "News", "CBS", "USA",
        "Today", "Al", "Jazeera", "Hill", "Post", "Washington", "Los", "Angeles", "RIA", "Novosti", "Time", "magazine", "BBC", ",",
    ][..]), 0..8)) {
        let text = words.join(" ");
        let doc = document::Document::new(&text);
        for start in 0..doc.len() {
            proptest::prop_assert_eq!(doc.longest_known_outlet(start), longest_known_outlet_by_scan(&doc, start), "{:?} at {}", text, start);
        }
    }
}

/// `Document::commas_in`, `Document::line_starts` and `Document::narrative_end` are what a scan
/// of every token finds.
fn check_commas_line_starts_and_narrative_ends(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
    let doc = document::Document::new(text);
    let line_starts: Vec<usize> = (0..doc.len()).filter(|&i| i == 0 || doc.is_newline(i - 1)).collect();
    proptest::prop_assert_eq!(doc.line_starts().collect::<Vec<_>>(), line_starts, "{:?}", text);
    for start in 0..=doc.len() + 1 {
        let in_quotation = |i: usize| doc.opened_pair(i).is_some() || doc.pair_inside(i).is_some();
        let end = if start >= doc.len() { start } else { (start..doc.len()).find(|&i| doc.is_terminal(i) || in_quotation(i)).unwrap_or(doc.len()) };
        proptest::prop_assert_eq!(doc.narrative_end(start), end, "{:?} from {}", text, start);
    }
    for from in 0..=doc.len() {
        for to in from..=doc.len() {
            let commas: Vec<usize> = (from..to).filter(|&i| doc.is_punct(i, ",") && doc.pair_inside(i).is_none()).collect();
            proptest::prop_assert_eq!(doc.commas_in(from, to).collect::<Vec<_>>(), commas, "{:?} {}..{}", text, from, to);
        }
    }
    Ok(())
}

#[test]
fn commas_line_starts_and_narrative_ends_are_found_as_by_a_scan() {
    let cases = [
        ("empty", ""),
        ("commas inside and outside a quotation", "Yes, “we will, we must,” she said, and left.\n\nThen, later"),
        ("a quotation over paragraphs", "“One, two,\n\n“three,” he said,\n"),
        ("a blank first line", "\n, a"),
        ("narratives ended by terminals and quotations", "He said. “Yes!” she; went\nto ‘the’ end? Mr. U.S. “run\n\n“on"),
    ];
    for (name, text) in cases {
        check_commas_line_starts_and_narrative_ends(text).unwrap_or_else(|e| panic!("case {name:?}: {e}"));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
    #[test]
    fn commas_line_starts_and_narrative_ends_of_any_text_are_found_as_by_a_scan(text in "[a-zA-Z ,.?!;“”\"'’\n]{0,40}") {
        check_commas_line_starts_and_narrative_ends(&text)?;
    }
}
