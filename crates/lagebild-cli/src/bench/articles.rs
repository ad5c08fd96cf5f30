//! The articles `lagebild bench` times: `.txt` files and folders of them,
//! article lists in JSON Lines (each article with its own publication date
//! and language, so that another tool can be timed on exactly the same
//! input), and the bundled Wikinews corpus.

use anyhow::{bail, Context, Result};
use lagebild_core::{parse_date_argument, Language, Options};
use std::path::Path;

/// One article as read from disk, with what the caller knows about it.
pub struct Article {
    pub name: String,
    pub bytes: Vec<u8>,
    pub options: Options,
}

impl Article {
    fn plain(name: String, bytes: Vec<u8>) -> Article {
        Article { name, bytes, options: Options::default() }
    }
}

/// Reads a `.txt` file, an article list (`.jsonl`, see [`read_article_list`])
/// or the `.txt` files of a folder (sorted by name).
pub fn read_path(path: &Path, articles: &mut Vec<Article>) -> Result<()> {
    if path.is_dir() {
        let entries = std::fs::read_dir(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut files = Vec::new();
        for entry in entries {
            let file = entry.with_context(|| format!("cannot list {}", path.display()))?.path();
            if file.is_file() && file.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")) {
                files.push(file);
            }
        }
        files.sort();
        for file in files {
            read_file(&file, articles)?;
        }
        Ok(())
    } else if path.extension().is_some_and(|x| x.eq_ignore_ascii_case("jsonl")) {
        read_article_list(path, articles)
    } else {
        read_file(path, articles)
    }
}

fn read_file(path: &Path, articles: &mut Vec<Article>) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    articles.push(Article::plain(path.display().to_string(), bytes));
    Ok(())
}

/// Reads an article list: one JSON object a line, with `text` and, each
/// optional, `name`, `published` (`YYYY-MM-DD`) and `language` (`de`, `en`).
fn read_article_list(path: &Path, articles: &mut Vec<Article>) -> Result<()> {
    let content = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let at = || format!("{} line {}", path.display(), i + 1);
        let record: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}: not JSON", at()))?;
        let Some(text) = record["text"].as_str() else {
            bail!("{}: no \"text\"", at());
        };
        let published = match record["published"].as_str() {
            Some(date) => Some(parse_date_argument(date).with_context(at)?),
            None => None,
        };
        let language = match record["language"].as_str() {
            Some("de") => Some(Language::De),
            Some("en") => Some(Language::En),
            Some(other) => bail!("{}: language {other:?} is neither de nor en", at()),
            None => None,
        };
        let name = record["name"].as_str().map_or_else(at, str::to_string);
        articles.push(Article {
            name,
            bytes: text.as_bytes().to_vec(),
            options: Options { published, language },
        });
    }
    Ok(())
}

/// Reads the `originalText` of every line of train, dev and test.jsonl of
/// the German Wikinews quotation-attribution corpus.
pub fn read_wikinews(dir: &Path, articles: &mut Vec<Article>) -> Result<()> {
    for split in ["train", "dev", "test"] {
        let file = dir.join(format!("{split}.jsonl"));
        let content =
            std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
        for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{} line {}: not JSON", file.display(), i + 1))?;
            let Some(text) = record["originalText"].as_str() else {
                bail!("{} line {}: no originalText", file.display(), i + 1);
            };
            articles.push(Article::plain(format!("{split}.jsonl:{}", i + 1), text.as_bytes().to_vec()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str, content: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("lagebild-bench-articles-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap_or_else(|e| panic!("{e}"));
        path
    }

    #[test]
    fn reads_folders_of_txt_and_reports_missing_files() {
        let mut found = Vec::new();
        let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
        read_path(&samples, &mut found).unwrap_or_else(|e| panic!("{e}"));
        assert!(!found.is_empty() && found.iter().all(|a| a.name.ends_with(".txt")));
        assert!(found.iter().all(|a| a.options.published.is_none() && a.options.language.is_none()));
        let Err(err) = read_path(Path::new("/nonexistent/article.txt"), &mut found) else {
            panic!("a missing file was read")
        };
        assert!(err.to_string().contains("cannot read"));
    }

    #[test]
    fn article_lists_carry_date_and_language_per_article() {
        let list = scratch(
            "list.jsonl",
            "{\"name\": \"a\", \"text\": \"Kiew meldete gestern Angriffe.\", \"published\": \"2024-03-04\", \"language\": \"de\"}\n\n{\"text\": \"France protested.\"}\n",
        );
        let mut found = Vec::new();
        read_path(&list, &mut found).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "a");
        assert_eq!(found[0].options.published, parse_date_argument("2024-03-04").ok());
        assert_eq!(found[0].options.language, Some(Language::De));
        assert_eq!(found[1].bytes, b"France protested.");
        assert!(found[1].name.ends_with("list.jsonl line 3"), "{}", found[1].name);
        assert_eq!(found[1].options.published, None);
    }

    #[test]
    fn bad_article_lists_name_the_line() {
        for (content, says) in [
            ("{\"text\": 3}\n", "line 1: no \"text\""),
            ("\n[1,\n", "line 2: not JSON"),
            ("{\"text\": \"x\", \"published\": \"gestern\"}", "gestern"),
            ("{\"text\": \"x\", \"language\": \"fr\"}", "neither de nor en"),
        ] {
            let list = scratch("bad.jsonl", content);
            let Err(err) = read_path(&list, &mut Vec::new()) else { panic!("{content:?} was read") };
            assert!(format!("{err:#}").contains(says), "{content:?}: {err:#}");
        }
    }
}
