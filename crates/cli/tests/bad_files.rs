//! Bad article files through the built `triangulate` binary: `articles DIR` and `analyze DIR`
//! accept the same files as the core's `load_dir`, with the same normalization, and reject the
//! same files with a message that names the file and line (the core's cases are in
//! crates/core/src/article.rs).

use std::path::PathBuf;
use std::process::{Command, Output};

/// What a folder holding `files` must give.
enum Expect {
    /// Loads; the article's text after normalization.
    Text(&'static str),
    /// Fails; stderr contains this `file:line: message` start.
    Error(&'static str),
}

struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static [u8])],
    expect: Expect,
}

const CASES: &[Case] = &[
    Case { name: "not UTF-8", files: &[("bad.txt", b"line one\nline \xff two")], expect: Expect::Error("bad.txt:2: not valid UTF-8") },
    Case { name: "empty", files: &[("bad.txt", b"")], expect: Expect::Error("bad.txt:1: the article has no text") },
    Case { name: "only front matter", files: &[("bad.md", b"---\ntitle: T\n---\n")], expect: Expect::Error("bad.md:4: the article has no text") },
    Case { name: "front matter never closed", files: &[("bad.md", b"---\ntitle: T\nbody")], expect: Expect::Error("bad.md:1: front matter opened with `---` is never closed") },
    Case {
        name: "duplicate ids after slugging",
        files: &[("A b.txt", b"One two."), ("a-B.md", b"Three four.")],
        expect: Expect::Error("a-B.md:1: article id \"a-b\" is also the id of A b.txt"),
    },
    Case { name: "binary junk", files: &[("bad.txt", b"\x7fELF\x02\x01\x01\0\0\0\n\xfe\xed\xfa\xce")], expect: Expect::Error("bad.txt:2: not valid UTF-8") },
    Case { name: "only NUL bytes", files: &[("bad.txt", b"\0\0\0\0")], expect: Expect::Error("bad.txt:1: the article has no text") },
    Case { name: "NUL bytes in the text", files: &[("ok.txt", b"Leaders\0 met\0\0 in Paris.")], expect: Expect::Text("Leaders met in Paris.") },
    Case { name: "CRLF and BOM", files: &[("ok.txt", b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nBody one.\r\nBody two.\rEnd.")], expect: Expect::Text("Body one.\nBody two.\nEnd.") },
    Case { name: "control characters", files: &[("ok.txt", b"Red\x1b[31m alert\x07 now.\x7f")], expect: Expect::Text("Red[31m alert now.") },
];

/// A fresh folder under the system's temp dir holding `files`.
fn folder(case: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let slug: String = case.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let dir = std::env::temp_dir().join(format!("triangulate-cli-{}-{slug}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).expect("write article");
    }
    dir
}

fn triangulate(args: &[&str], dir: &PathBuf) -> Output {
    Command::new(env!("CARGO_BIN_EXE_triangulate")).args(args).arg(dir).output().expect("run triangulate")
}

/// The articles' texts from either command's JSON (`articles` prints an array, `analyze` an object).
fn texts(stdout: &[u8]) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(stdout).expect("JSON output");
    let articles = json.get("articles").unwrap_or(&json).as_array().expect("an array of articles").clone();
    articles.iter().map(|a| a["text"].as_str().expect("text").to_string()).collect()
}

fn check(command: &str, case: &Case, output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    match case.expect {
        Expect::Text(text) => {
            assert!(output.status.success(), "{command} / {}: failed: {stderr}", case.name);
            assert_eq!(texts(&output.stdout), [text], "{command} / {}", case.name);
        }
        Expect::Error(message) => {
            assert!(!output.status.success(), "{command} / {}: accepted", case.name);
            assert!(stderr.contains(message), "{command} / {}: stderr {stderr:?} lacks {message:?}", case.name);
        }
    }
}

#[test]
fn bad_files_load_or_fail_alike_in_both_commands() {
    for case in CASES {
        let dir = folder(case.name, case.files);
        for command in ["articles", "analyze"] {
            check(command, case, &triangulate(&[command], &dir));
        }
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}

// `articles` only: extracting 20 MB through `analyze` takes minutes in a debug build, and
// extraction at size is tested in the core (crates/core/tests/pathological.rs).
#[test]
fn twenty_megabyte_file_loads() {
    let paragraph = "On September 4, 2025, leaders met in Paris, where “more than 30 countries” took part.\n\n";
    let text = paragraph.repeat(20_000_000 / paragraph.len() + 1);
    let dir = folder("twenty megabytes", &[("big.txt", text.as_bytes())]);
    let output = triangulate(&["articles"], &dir);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(texts(&output.stdout).iter().map(String::len).collect::<Vec<_>>(), [text.len()], "text kept whole");
    std::fs::remove_dir_all(&dir).expect("clean up");
}
