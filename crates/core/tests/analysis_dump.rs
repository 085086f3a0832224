#[test]
fn dump() {
    let articles = triangulate_core::article::load_dir(std::path::Path::new("../../articles")).unwrap();
    for a in articles {
        let d = triangulate_core::Document::new(a);
        let t = &d.article.text;
        println!("=== {} {:?} {:?}", d.article.id, d.article.title, d.article.date);
        for e in &d.extraction.entities { println!("E {:?} {} | {} | {:?} {:?} {:?} n={}", e.kind, e.id, e.name, e.role, e.affiliation, e.honorific, e.mentions.len()); }
        for q in &d.extraction.quotes { println!("Q {:?} {:?} | {}", q.kind, q.speaker.as_ref().map(|s| (&s.name, &s.entity)), q.span.text(t)); }
        for c in &d.extraction.claims { println!("C {} {:?} {:?} pred={:?} subj={:?} unit={:?} date={:?} | {}", c.span.text(t), c.interval_text(), c.thing, c.predicate, c.subject, c.unit, c.date, c.sentence.text(t)); }
        for x in &d.extraction.timexes { println!("T {:?} {:?} {}", x.kind, x.value, x.span.text(t)); }
    }
}
