//! `triangulate`: the extraction core on the command line.

mod analyze;
mod bench;
mod extract;
#[cfg(feature = "train")]
mod train;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "triangulate", version, about = "Who said what, which numbers and dates, across news articles")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse a folder of articles (front matter, title, date) and print them as JSON.
    Articles {
        /// Folder of .txt / .md article files.
        dir: PathBuf,
    },
    /// Extract entities, quotes and dates from JSONL documents ({"id", "text", "dct"?} a line)
    /// into the evaluation format of ../shared/eval-dev/FORMAT.md (char offsets).
    Extract {
        #[arg(long)]
        input: PathBuf,
        #[arg(long)]
        output: PathBuf,
    },
    /// Compare articles: merged entities, shared quotes, conflicting claims, rewrites, a merged
    /// timeline, as one JSON document (char offsets; schema in analyze.rs).
    Analyze {
        /// Folders of article files, or article files.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Write the JSON here instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Time the extraction and the cross-article analysis of a folder of articles (JSON out; used
    /// by `./dev bench`).
    Bench {
        dir: PathBuf,
    },
    /// Train the NER model on CoNLL-2003 (DATA/conll2003/{train,valid}.txt); deterministic per seed.
    #[cfg(feature = "train")]
    TrainNer {
        /// The evaluation data folder, e.g. ../shared/eval-dev.
        #[arg(long)]
        data: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// log2 of the weight table's row count (2^18 scores better on dev than 2^20: fewer rare
        /// features memorized, and a table that stays in cache).
        #[arg(long, default_value_t = 18)]
        bits: u32,
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Articles { dir } => print_articles(&dir),
        Command::Extract { input, output } => extract::run(&input, &output),
        Command::Analyze { inputs, output } => analyze::run(&inputs, output.as_deref()),
        Command::Bench { dir } => bench::run(&dir),
        #[cfg(feature = "train")]
        Command::TrainNer { data, seed, epochs, bits, out } => {
            train::run(&data, &triangulate_core::ner::train::Options { epochs, seed, bits }, &out)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("triangulate: {message}");
            ExitCode::FAILURE
        }
    }
}

fn print_articles(dir: &std::path::Path) -> Result<(), String> {
    let articles = triangulate_core::article::load_dir(dir).map_err(|errors| {
        errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    })?;
    let json = serde_json::to_string_pretty(&articles).map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(())
}
