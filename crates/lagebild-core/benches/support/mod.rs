//! The public texts the benchmarks run on, read at run time from the
//! corpora folder beside the repository (`../shared/corpora` from the
//! workspace root, or the folder named by `LAGEBILD_CORPORA`). Nothing is
//! copied into the repository; a missing corpus is reported and skipped.

use std::path::{Path, PathBuf};

/// A set of articles of one language, as the benchmarks feed them to the engine.
#[derive(Clone)]
pub struct TextSet {
    /// The name benchmarks are reported under, e.g. `de-wikinews`.
    pub name: &'static str,
    pub texts: Vec<String>,
}

impl TextSet {
    pub fn bytes(&self) -> u64 {
        self.texts.iter().map(|t| t.len() as u64).sum()
    }

    pub fn describe(&self) -> String {
        format!("{}: {} articles, {:.3} MB", self.name, self.texts.len(), self.bytes() as f64 / 1e6)
    }
}

/// The corpora folder.
pub fn corpora() -> PathBuf {
    std::env::var_os("LAGEBILD_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora"))
}

/// The news sets every stage runs on: German and English Wikinews.
pub fn news() -> Vec<TextSet> {
    [load("de-wikinews", wikinews_de), load("en-wikinews", wikinews_en)].into_iter().flatten().collect()
}

/// Sets dense in date expressions, with gold TIMEX annotations: WikiWarsDE
/// (German war histories) and TimeBank (English news).
pub fn timex() -> Vec<TextSet> {
    [load("de-wikiwars", wikiwars_de), load("en-timebank", timebank)].into_iter().flatten().collect()
}

/// Reads one set, or says why it is skipped.
fn load(name: &'static str, read: fn(&Path) -> Result<Vec<String>, String>) -> Option<TextSet> {
    match read(&corpora()) {
        Ok(texts) if !texts.is_empty() => Some(TextSet { name, texts }),
        Ok(_) => {
            eprintln!("skipped {name}: the corpus holds no text");
            None
        }
        Err(why) => {
            eprintln!("skipped {name}: {why} (set LAGEBILD_CORPORA to the corpora folder)");
            None
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The `originalText` of the 998 articles of the German Wikinews
/// quotation-attribution corpus (train, dev, test).
fn wikinews_de(corpora: &Path) -> Result<Vec<String>, String> {
    let mut texts = Vec::new();
    for split in ["train", "dev", "test"] {
        let path = corpora.join(format!("wikinews-de-quotation-attribution/{split}.jsonl"));
        for (i, line) in read(&path)?.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let record: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{} line {}: {e}", path.display(), i + 1))?;
            let text = record["originalText"].as_str();
            texts.push(
                text.ok_or_else(|| format!("{} line {}: no originalText", path.display(), i + 1))?
                    .to_string(),
            );
        }
    }
    Ok(texts)
}

/// The `text` column of the 295 English Wikinews articles of 2019 and 2020.
fn wikinews_en(corpora: &Path) -> Result<Vec<String>, String> {
    let mut texts = Vec::new();
    for year in ["2019", "2020"] {
        let path = corpora.join(format!("wikinews-en-2019-2020/wikinews_{year}.csv"));
        let mut reader =
            csv::Reader::from_path(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let column = reader
            .headers()
            .map_err(|e| format!("{}: {e}", path.display()))?
            .iter()
            .position(|h| h == "text")
            .ok_or_else(|| format!("{}: no text column", path.display()))?;
        for record in reader.records() {
            let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
            texts.push(record.get(column).unwrap_or_default().to_string());
        }
    }
    Ok(texts)
}

/// The text of the 22 WikiWarsDE documents (TIMEX2 markup removed).
fn wikiwars_de(corpora: &Path) -> Result<Vec<String>, String> {
    markup_texts(&corpora.join("wikiwars-de/WikiWarsDE_20110412/keyinline"), ".key.xml")
}

/// The text of the 183 TimeBank documents (TimeML markup removed).
fn timebank(corpora: &Path) -> Result<Vec<String>, String> {
    markup_texts(&corpora.join("tempeval3-en/TBAQ-cleaned/TimeBank"), ".tml")
}

/// The content of `<TEXT>` of each file in `dir` ending in `suffix`, sorted
/// by name, with the inline tags removed and the XML entities replaced.
fn markup_texts(dir: &Path, suffix: &str) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().ends_with(suffix)))
        .collect();
    files.sort();
    let tag = regex::Regex::new(r"<[^>]*>").map_err(|e| e.to_string())?;
    let mut texts = Vec::new();
    for file in files {
        let content = read(&file)?;
        let Some(body) = content.split_once("<TEXT>").and_then(|(_, rest)| rest.split_once("</TEXT>")) else {
            return Err(format!("{}: no <TEXT> element", file.display()));
        };
        let plain = tag.replace_all(body.0, "");
        texts.push(
            plain
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
    }
    Ok(texts)
}
