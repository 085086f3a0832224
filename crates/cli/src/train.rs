//! `triangulate train-ner`: trains the NER model on CoNLL-2003 and writes the file the core embeds.

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
