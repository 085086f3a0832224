//! `triangulate`: the extraction core on the command line.

mod extract;

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
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Articles { dir } => print_articles(&dir),
        Command::Extract { input, output } => extract::run(&input, &output),
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
