//! Every kind of bad input an analyst may hand `lagebild extract`, made at
//! run time: each either gets a correct analysis (checked on its content)
//! or a one-line message naming the problem, with exit code 1; never a panic
//! (exit code 101) and never a hang (each case runs under a time limit).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Far above what any case needs in a debug build; reaching it is a hang.
const CASE_TIMEOUT: Duration = Duration::from_secs(120);

/// What a case must give.
enum Expect {
    /// A briefing; the check gets it as JSON and says what is wrong, if anything.
    Analysis(fn(&Value) -> Result<(), String>),
    /// A refusal whose one-line message contains this text.
    Refusal(&'static str),
}

/// What the input of a case is.
enum Input {
    /// A file with these bytes.
    Bytes(Vec<u8>),
    /// A file of `size` bytes written line by line, never held whole.
    Large { line: &'static str, size: usize },
    /// A folder.
    Folder,
    /// A name with no file behind it.
    Missing,
    /// A file whose permissions allow no one to read it.
    Unreadable(Vec<u8>),
    /// An existing path that is not a regular file.
    Device(&'static str),
}

struct Case {
    name: &'static str,
    input: Input,
    expect: Expect,
}

const GERMAN: &str = "Berlin, 3. März 2024\n\n„Frieden…“, sagte Außenministerin Müller. \
    Russland griff am Montag die Ukraine an. Die Grüße aus Köln wurden übergeben.\n";

fn german_in(encoding: fn(&str) -> Vec<u8>) -> Vec<u8> {
    encoding(GERMAN)
}

fn utf16(text: &str, bom: [u8; 2], unit: fn(u16) -> [u8; 2]) -> Vec<u8> {
    bom.into_iter().chain(text.encode_utf16().flat_map(unit)).collect()
}

/// Windows-1252 (a superset of Latin-1's printable characters) for the
/// characters of the German test text.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '„' => 0x84,
            '…' => 0x85,
            '“' => 0x93,
            c => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        })
        .collect()
}

/// Latin-1 has no German quotation marks: the same text with guillemets.
fn latin_1(text: &str) -> Vec<u8> {
    windows_1252(&text.replace('„', "»").replace('“', "«").replace('…', "..."))
}

fn german_text_survives(briefing: &Value) -> Result<(), String> {
    let text = briefing["text"].as_str().unwrap_or_default();
    for word in ["Außenministerin Müller", "Grüße aus Köln", "März"] {
        if !text.contains(word) {
            return Err(format!("{word:?} is not in the text {text:?}"));
        }
    }
    if text.starts_with('\u{FEFF}') {
        return Err("the BOM is left in the text".into());
    }
    expect_eq(&briefing["language"], "de")?;
    expect_eq(&briefing["published"], "2024-03-03")?;
    has_actors(briefing, &["russia", "ukraine"])
}

fn german_quotes_survive(briefing: &Value) -> Result<(), String> {
    german_text_survives(briefing)?;
    let text = briefing["text"].as_str().unwrap_or_default();
    if text.contains("„Frieden…“") {
        Ok(())
    } else {
        Err(format!("„Frieden…“ is garbled in {text:?}"))
    }
}

fn expect_eq(value: &Value, want: &str) -> Result<(), String> {
    if value == want {
        Ok(())
    } else {
        Err(format!("{value} where {want:?} was expected"))
    }
}

fn has_actors(briefing: &Value, ids: &[&str]) -> Result<(), String> {
    let found: Vec<&str> =
        briefing["actors"].as_array().into_iter().flatten().filter_map(|a| a["id"].as_str()).collect();
    match ids.iter().find(|id| !found.contains(id)) {
        Some(id) => Err(format!("actor {id} is missing from {found:?}")),
        None => Ok(()),
    }
}

fn sentences(briefing: &Value) -> Vec<(usize, usize)> {
    let spans = briefing["sentences"].as_array().into_iter().flatten();
    spans.filter_map(|s| Some((s[0].as_u64()? as usize, s[1].as_u64()? as usize))).collect()
}

fn html_page(body: &str) -> Vec<u8> {
    format!("<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>Seite</title></head><body>{body}</body></html>")
        .into_bytes()
}

const HOSTILE_BODY: &str = r#"
    <script>window.__pwned = 1; alert("script")</script>
    <style>body { background: url(https://example.org/x.png) }</style>
    <nav><a href="/">Startseite</a> | <a href="/politik">Politik</a></nav>
    <article>
      <h1 onclick="alert('h1')">Angriff im Osten</h1>
      <p>Russland griff am Montag die <a href="javascript:alert('link')">Ukraine</a> an.<img src=x onerror="alert('img')"></p>
      <iframe src="https://example.org/frame">Rahmentext</iframe>
      <p onmouseover="alert('p')">Die NATO verurteilte den Angriff.</p>
    </article>
    <footer>Impressum</footer>"#;

fn hostile_page_is_article_text(briefing: &Value) -> Result<(), String> {
    let text = briefing["text"].as_str().unwrap_or_default();
    for gone in [
        "alert",
        "__pwned",
        "background",
        "Startseite",
        "Rahmentext",
        "Impressum",
        "javascript",
        "<",
        "onerror",
    ] {
        if text.contains(gone) {
            return Err(format!("{gone:?} should be gone from {text:?}"));
        }
    }
    let want =
        "Angriff im Osten\n\nRussland griff am Montag die Ukraine an.\n\nDie NATO verurteilte den Angriff.";
    if text != want {
        return Err(format!("the text is {text:?}, not {want:?}"));
    }
    has_actors(briefing, &["russia", "ukraine", "nato"])
}

fn cases() -> Vec<Case> {
    use Expect::{Analysis, Refusal};
    use Input::*;
    let mut nul_inside = b"Russland griff am Montag die Ukraine an.".to_vec();
    nul_inside.extend_from_slice(b"\0\0\0 Weiterer Text.");
    let mut broken_utf8 = "Grüße aus Köln: Russland griff an. ".as_bytes().to_vec();
    broken_utf8.extend_from_slice(b"\xFF\xFE kaputt \xC3");
    let deep = "<div>".repeat(100_000)
        + "<p>Russland griff am Montag die Ukraine an.</p>"
        + &"</div>".repeat(100_000);
    let malformed = "<html><body><p <p>Russland griff am <b>Montag<i> die</b> Ukraine</i> an.</x></td>\
                     <table><tr><td>Die NATO<td>verurteilte es.</table><div><span>Ohne Ende";
    let ten_thousand_lines: String =
        (0..10_000).map(|i| format!("Die Lage bleibt angespannt {i}\n")).collect();
    let one_run: String = (0..10_000).map(|i| format!("die Lage bleibt angespannt {i}, ")).collect();
    let too_many: String = (0..25_000).map(|i| format!("Zeile {i}\n")).collect();
    vec![
        Case { name: "empty", input: Bytes(Vec::new()), expect: Refusal("empty") },
        Case { name: "whitespace only", input: Bytes(b" \n\t\r\n  \n".to_vec()), expect: Refusal("empty") },
        Case {
            name: "PNG image",
            input: Bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10".to_vec()),
            expect: Refusal("PNG"),
        },
        Case {
            name: "PDF document",
            input: Bytes(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec()),
            expect: Refusal("PDF"),
        },
        Case {
            name: "ELF executable",
            input: Bytes(b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec()),
            expect: Refusal("executable"),
        },
        Case { name: "NUL bytes inside text", input: Bytes(nul_inside), expect: Refusal("NUL") },
        Case {
            name: "UTF-8 with BOM",
            input: Bytes(german_in(|t| [b"\xEF\xBB\xBF".as_slice(), t.as_bytes()].concat())),
            expect: Analysis(german_quotes_survive),
        },
        Case {
            name: "UTF-16 LE with BOM",
            input: Bytes(german_in(|t| utf16(t, [0xFF, 0xFE], u16::to_le_bytes))),
            expect: Analysis(german_quotes_survive),
        },
        Case {
            name: "UTF-16 BE with BOM",
            input: Bytes(german_in(|t| utf16(t, [0xFE, 0xFF], u16::to_be_bytes))),
            expect: Analysis(german_quotes_survive),
        },
        Case {
            name: "Windows-1252",
            input: Bytes(german_in(windows_1252)),
            expect: Analysis(german_quotes_survive),
        },
        Case { name: "Latin-1", input: Bytes(german_in(latin_1)), expect: Analysis(german_text_survives) },
        Case { name: "invalid UTF-8 in the middle", input: Bytes(broken_utf8), expect: Refusal("UTF-8") },
        Case {
            name: "mixed line endings",
            input: Bytes(b"Erste Zeile\r\nZweite Zeile\rDritte Zeile\nVierte Zeile\r\n".to_vec()),
            expect: Analysis(|b| {
                let text = b["text"].as_str().unwrap_or_default();
                match (text.contains('\r'), sentences(b).len()) {
                    (false, 4) => Ok(()),
                    (cr, n) => Err(format!("{n} sentences, carriage return left: {cr}, in {text:?}")),
                }
            }),
        },
        Case {
            name: "a single 5 MB line",
            input: Large { line: "Russland griff die Ukraine an und ", size: 5_000_000 },
            expect: Refusal("more than the limit"),
        },
        Case {
            name: "a 50 MB article",
            input: Large { line: "Russland griff am Montag die Ukraine an.\n", size: 50_000_000 },
            expect: Refusal("more than the limit"),
        },
        Case {
            name: "10,000 lines without a full stop",
            input: Bytes(ten_thousand_lines.into_bytes()),
            expect: Analysis(|b| match sentences(b).len() {
                10_000 => Ok(()),
                n => Err(format!("{n} sentences, not 10,000")),
            }),
        },
        Case {
            name: "10,000 clauses without a full stop",
            input: Bytes(one_run.into_bytes()),
            expect: Analysis(|b| {
                let spans = sentences(b);
                let longest = spans.iter().map(|(s, e)| e - s).max().unwrap_or(0);
                if spans.len() > 1 && longest <= 4_000 {
                    Ok(())
                } else {
                    Err(format!("{} sentences, the longest {longest} bytes", spans.len()))
                }
            }),
        },
        Case { name: "25,000 sentences", input: Bytes(too_many.into_bytes()), expect: Refusal("sentences") },
        Case {
            name: "deeply nested HTML",
            input: Bytes(html_page(&deep)),
            expect: Analysis(|b| expect_eq(&b["text"], "Russland griff am Montag die Ukraine an.")),
        },
        Case {
            name: "malformed HTML",
            input: Bytes(malformed.as_bytes().to_vec()),
            expect: Analysis(|b| {
                expect_eq(
                    &b["text"],
                    "Russland griff am Montag die Ukraine an.\n\nDie NATO verurteilte es.\n\nOhne Ende",
                )
            }),
        },
        Case {
            name: "HTML with scripts, styles, frames and event handlers",
            input: Bytes(html_page(HOSTILE_BODY)),
            expect: Analysis(hostile_page_is_article_text),
        },
        Case {
            name: "HTML with nothing but scripts and furniture",
            input: Bytes(html_page("<script>alert(1)</script><nav>Start</nav><style>p{}</style>")),
            expect: Refusal("no article text"),
        },
        Case { name: "a folder", input: Folder, expect: Refusal("is a folder") },
        Case { name: "a missing file", input: Missing, expect: Refusal("no such file") },
        Case {
            name: "an unreadable file",
            input: Unreadable(GERMAN.as_bytes().to_vec()),
            expect: Refusal("permission denied"),
        },
        Case { name: "a device", input: Device("/dev/zero"), expect: Refusal("not a regular file") },
    ]
}

/// Writes the case's input into `dir` and gives its path.
fn materialise(dir: &Path, index: usize, input: &Input) -> PathBuf {
    let path = dir.join(format!("case-{index}.txt"));
    match input {
        Input::Bytes(bytes) | Input::Unreadable(bytes) => {
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()))
        }
        Input::Large { line, size } => {
            use std::io::Write;
            let file =
                std::fs::File::create(&path).unwrap_or_else(|e| panic!("creating {}: {e}", path.display()));
            let mut out = std::io::BufWriter::new(file);
            let mut written = 0;
            while written < *size {
                out.write_all(line.as_bytes()).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
                written += line.len();
            }
            out.flush().unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        }
        Input::Folder => std::fs::create_dir_all(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        Input::Missing => {}
        Input::Device(device) => return PathBuf::from(device),
    }
    path
}

/// Takes read permission away; false when this process can read the file
/// all the same (as root can), so that the case expects an analysis.
#[cfg(unix)]
fn make_unreadable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000))
        .unwrap_or_else(|e| panic!("chmod 000 {}: {e}", path.display()));
    std::fs::File::open(path).is_err()
}

#[cfg(not(unix))]
fn make_unreadable(_path: &Path) -> bool {
    false
}

/// Runs `lagebild extract` on `path`; `None` when it had to be killed.
fn extract_within(path: &Path, limit: Duration) -> Option<std::process::Output> {
    let child: Child = Command::new(env!("CARGO_BIN_EXE_lagebild"))
        .args(["extract", "--compact"])
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run lagebild: {e}"));
    let id = child.id();
    let (done, wait) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    match wait.recv_timeout(limit) {
        Ok(output) => Some(output.unwrap_or_else(|e| panic!("waiting for lagebild: {e}"))),
        Err(_) => {
            // The child is owned by the waiting thread: stop it by its id.
            let _ = Command::new("kill").arg("-KILL").arg(id.to_string()).status();
            None
        }
    }
}

/// Runs one case; gives what went wrong, if anything.
fn run(dir: &Path, index: usize, case: &Case) -> Result<String, String> {
    let path = materialise(dir, index, &case.input);
    let mut expect = match &case.expect {
        Expect::Analysis(check) => Expect::Analysis(*check),
        Expect::Refusal(text) => Expect::Refusal(text),
    };
    let mut note = "";
    if matches!(case.input, Input::Unreadable(_)) && !make_unreadable(&path) {
        // Root (or a platform without permission bits) reads it anyway:
        // then the right answer is the analysis.
        expect = Expect::Analysis(german_quotes_survive);
        note = " (this process reads it despite mode 000, as root does)";
    }
    let started = Instant::now();
    let output =
        extract_within(&path, CASE_TIMEOUT).ok_or(format!("no answer within {CASE_TIMEOUT:?}: a hang"))?;
    let took = started.elapsed();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() == Some(101) || stderr.contains("panicked") {
        return Err(format!("it panicked: {stderr}"));
    }
    match expect {
        Expect::Analysis(check) => {
            if !output.status.success() {
                return Err(format!("refused ({:?}): {stderr}", output.status.code()));
            }
            let briefing: Value =
                serde_json::from_slice(&output.stdout).map_err(|e| format!("the output is not JSON: {e}"))?;
            check(&briefing)?;
            Ok(format!("analysed in {took:.1?}{note}"))
        }
        Expect::Refusal(wanted) => {
            let message = stderr.trim_end();
            if output.status.code() != Some(1) {
                return Err(format!("exit code {:?} instead of 1; stderr: {message}", output.status.code()));
            }
            if message.lines().count() != 1 || !message.starts_with("lagebild: ") {
                return Err(format!("not one line starting with 'lagebild: ': {message:?}"));
            }
            if !message.contains(wanted) {
                return Err(format!("the message does not say {wanted:?}: {message}"));
            }
            Ok(format!("refused in {took:.1?}: {message}"))
        }
    }
}

#[test]
fn every_bad_input_gets_an_analysis_or_a_one_line_refusal() {
    let dir = std::env::temp_dir().join(format!("lagebild-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
    let mut failures = Vec::new();
    for (index, case) in cases().iter().enumerate() {
        match run(&dir, index, case) {
            Ok(outcome) => println!("ok   {}: {outcome}", case.name),
            Err(problem) => {
                println!("FAIL {}: {problem}", case.name);
                failures.push(format!("{}: {problem}", case.name));
            }
        }
        // Free the disk at once: the large cases are tens of megabytes.
        let path = dir.join(format!("case-{index}.txt"));
        let _ = std::fs::remove_file(&path).or_else(|_| std::fs::remove_dir_all(&path));
    }
    std::fs::remove_dir_all(&dir).unwrap_or_default();
    assert!(failures.is_empty(), "{} of the bad inputs went wrong:\n{}", failures.len(), failures.join("\n"));
}

/// A file another program holds a lock on: on Linux and macOS locks are
/// advisory, so reading it must simply work. (Windows' mandatory locks are
/// answered with their own message; see `src/read.rs`.)
#[cfg(unix)]
#[test]
fn a_locked_file_is_read() {
    let path = std::env::temp_dir().join(format!("lagebild-locked-{}.txt", std::process::id()));
    std::fs::write(&path, GERMAN).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    let holder = Command::new("flock").arg("--exclusive").arg(&path).args(["sleep", "60"]).spawn();
    let Ok(mut holder) = holder else {
        eprintln!("skipped: flock(1) is not installed, so no lock can be taken");
        return;
    };
    std::thread::sleep(Duration::from_millis(300));
    let output = extract_within(&path, CASE_TIMEOUT);
    let _ = holder.kill();
    let _ = holder.wait();
    std::fs::remove_file(&path).unwrap_or_default();
    let output = output.unwrap_or_else(|| panic!("no answer within {CASE_TIMEOUT:?} on a locked file"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let briefing: Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    german_quotes_survive(&briefing).unwrap_or_else(|problem| panic!("{problem}"));
}
