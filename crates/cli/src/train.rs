//! `triangulate train-ner` and `train-quotes`: train the models the core embeds.

use std::path::Path;
use triangulate_core::ner::train::{read_conll, train, Options};

pub fn run(data: &Path, options: &Options, out: &Path) -> Result<(), String> {
    let read = |name: &str| {
        let path = data.join("conll2003").join(name);
        let content = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        read_conll(&content).map_err(|e| format!("{}: {e}", path.display()))
    };
    let (train_docs, dev_docs) = (read("train.txt")?, read("valid.txt")?);
    eprintln!("training on {} documents, {} epochs, seed {}", train_docs.len(), options.epochs, options.seed);
    let model = train(&train_docs, &dev_docs, options);
    std::fs::write(out, &model).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), model.len());
    Ok(())
}

/// `triangulate train-quotes`: trains the reported-speech end ranker on PolNeAR.
pub fn run_quotes(data: &Path, options: &triangulate_core::quotes::train::Options, out: &Path) -> Result<(), String> {
    use triangulate_core::quotes::train::{train, GoldDocument};
    let read = |set: &str| -> Result<Vec<GoldDocument>, String> {
        let lines = |dir: &str| {
            let path = data.join(dir).join(format!("{set}.jsonl"));
            let content = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            content.lines().map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display()))).collect::<Result<Vec<serde_json::Value>, String>>()
        };
        let gold: std::collections::HashMap<String, serde_json::Value> =
            lines("gold")?.into_iter().map(|g| (g["id"].as_str().unwrap_or_default().to_string(), g)).collect();
        Ok(lines("inputs")?
            .iter()
            .map(|input| {
                let quotes = gold.get(input["id"].as_str().unwrap_or_default()).and_then(|g| g["quotes"].as_array());
                let spans = quotes
                    .into_iter()
                    .flatten()
                    .filter(|q| q["kind"] != "direct")
                    .filter_map(|q| Some((q["start"].as_u64()? as usize, q["end"].as_u64()? as usize)))
                    .collect();
                GoldDocument { text: input["text"].as_str().unwrap_or_default().to_string(), spans }
            })
            .collect())
    };
    let (train_docs, dev_docs) = (read("polnear_train")?, read("polnear_dev")?);
    let model = train(&train_docs, &dev_docs, options);
    std::fs::write(out, &model).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), model.len());
    Ok(())
}
