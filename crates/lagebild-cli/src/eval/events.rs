//! `lagebild eval events`: runs the engine on each gold sentence of the
//! PLOVER gold-standard records and the PETRARCH-2 validation set, alone and
//! in English, and scores the engine's **first** event of the sentence
//! against the gold coding: event type (PLOVER), quad class, source and
//! target.
//!
//! Choices, stated once:
//! - Only the first event the engine reports counts ("any event" type
//!   accuracy is shown beside it as an upper bound, not as the score).
//! - A PETRARCH sentence with several gold codings is scored against the
//!   coding that fits the prediction best (type, then source, then target).
//! - CAMEO codes become PLOVER with `CAMEO2PLOVER-2021.txt` (longest known
//!   prefix); when the table's mode names an older PLOVER category the engine
//!   also knows (`investigate`, `disapprove`), that category counts as well.
//!   The quad class comes from the CAMEO root: 01–05 verbal cooperation,
//!   06–08 material cooperation, 09–13 verbal conflict, 14–20 material
//!   conflict. A PLOVER gold category takes the quad of the CAMEO roots the
//!   table maps to it (majority); the four PLOVER 0.5 names the 2021 table
//!   no longer uses take their CAMEO root (INVESTIGATE 09, DEMAND 10,
//!   DISAPPROVE 11, FIGHT 19).
//! - Source (target) accuracy is over the sentences whose gold names a
//!   source (target); it is right when any predicted source matches any
//!   gold source. A predicted actor matches when one of its names or aliases,
//!   or those of its `member_of` parent, equals or is contained in the gold
//!   actor text (case-insensitively), or when the gold code's country
//!   (ISO 3166 alpha-3, mapped to alpha-2 with Debian's iso-codes) is the
//!   state the actor is or belongs to. Codes without a country (`IGO`,
//!   `---REB`) can only match by text, and PETRARCH gold has no text.

use anyhow::{bail, Context, Result};
use lagebild_core::{analyse_text, Briefing, Language, Options};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// The corpus to score against (repeat or separate with commas for several).
    #[arg(long, value_enum, required = true, value_delimiter = ',', value_name = "NAME")]
    corpus: Vec<EventCorpus>,
    /// The folder that holds the corpora.
    #[arg(long, value_name = "DIR", default_value = "../shared/corpora")]
    corpora: PathBuf,
    /// Print the results as JSON.
    #[arg(long)]
    json: bool,
    /// Also list the first N sentences whose first event is wrong.
    #[arg(long, value_name = "N", default_value_t = 0)]
    examples: usize,
}

/// A corpus with gold event codings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EventCorpus {
    /// The 322 PLOVER gold-standard records from the CAMEO manual.
    #[value(name = "plover-gsr")]
    PloverGsr,
    /// The 78 PETRARCH-2 validation sentences (CAMEO codes).
    #[value(name = "petrarch-validation")]
    PetrarchValidation,
}

impl EventCorpus {
    fn name(self) -> &'static str {
        match self {
            EventCorpus::PloverGsr => "plover-gsr",
            EventCorpus::PetrarchValidation => "petrarch-validation",
        }
    }

    fn file(self) -> &'static str {
        match self {
            EventCorpus::PloverGsr => "plover-gsr-en/PLOVER_GSR_CAMEO.txt",
            EventCorpus::PetrarchValidation => "petrarch-validation-en/PETR2_GSR_validation.xml",
        }
    }
}

const TABLE: &str = "plover-gsr-en/CAMEO2PLOVER-2021.txt";
const ISO_CODES: &str = "/usr/share/iso-codes/json/iso_3166-1.json";
const STATES: &str = include_str!("../../../lagebild-core/data/gazetteer/states.json");

/// A gold actor: its text where the corpus gives one, and its code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldActor {
    pub text: Option<String>,
    pub code: String,
}

/// One gold coding of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldCoding {
    /// The PLOVER categories that count as right (the first is the gold one).
    pub types: Vec<String>,
    pub quad: Option<&'static str>,
    pub sources: Vec<GoldActor>,
    pub targets: Vec<GoldActor>,
}

/// A gold sentence; no codings means "no event".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSentence {
    pub id: String,
    pub text: String,
    pub codings: Vec<GoldCoding>,
}

/// An actor as the engine reports it, with the names and ids it may match by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PredActor {
    pub names: Vec<String>,
    pub ids: Vec<String>,
}

/// One event as the engine reports it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PredEvent {
    pub event_type: String,
    pub quad: String,
    pub sources: Vec<PredActor>,
    pub targets: Vec<PredActor>,
}

/// The quad class of a CAMEO root code (1–20).
pub fn quad_of_root(root: u32) -> Option<&'static str> {
    match root {
        1..=5 => Some("verbal_cooperation"),
        6..=8 => Some("material_cooperation"),
        9..=13 => Some("verbal_conflict"),
        14..=20 => Some("material_conflict"),
        _ => None,
    }
}

fn root_of(code: &str) -> Option<u32> {
    code.get(..2).and_then(|r| r.parse().ok())
}

/// The CAMEO → PLOVER conversion table.
#[derive(Debug, Default)]
pub struct CameoTable {
    /// CAMEO code → (PLOVER category, mode).
    codes: HashMap<String, (String, String)>,
    /// PLOVER category → its quad class.
    quads: HashMap<String, &'static str>,
}

/// PLOVER 0.5 categories the 2021 table no longer uses, with the CAMEO root of the same name.
const OLD_CATEGORIES: [(&str, u32); 4] =
    [("INVESTIGATE", 9), ("DEMAND", 10), ("DISAPPROVE", 11), ("FIGHT", 19)];

impl CameoTable {
    pub fn parse(raw: &str) -> CameoTable {
        let mut table = CameoTable::default();
        let mut votes: HashMap<String, [usize; 4]> = HashMap::new();
        for line in raw.lines() {
            let line = line.split('#').next().unwrap_or("");
            let Some((code, rest)) = line.split_once(':') else { continue };
            let code = code.trim();
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let mut fields = rest.split(',').map(str::trim);
            let category = fields.next().unwrap_or("").to_string();
            if category.is_empty() {
                continue;
            }
            let mode = fields.next().unwrap_or("").to_string();
            if let Some(q) = root_of(code).and_then(quad_of_root) {
                let slot = QUADS.iter().position(|x| *x == q).unwrap_or(0);
                votes.entry(category.clone()).or_default()[slot] += 1;
            }
            // The first line for a code wins (the table lists `08` twice).
            table.codes.entry(code.to_string()).or_insert((category, mode));
        }
        for (category, v) in votes {
            let best = (0..4).max_by_key(|&i| (v[i], std::cmp::Reverse(i))).unwrap_or(0);
            table.quads.insert(category, QUADS[best]);
        }
        for (category, root) in OLD_CATEGORIES {
            if let Some(q) = quad_of_root(root) {
                table.quads.entry(category.to_string()).or_insert(q);
            }
        }
        table
    }

    /// The accepted PLOVER categories of a CAMEO code (longest known prefix).
    pub fn plover(&self, cameo: &str) -> Vec<String> {
        let mut code = cameo.trim();
        while !code.is_empty() {
            if let Some((category, mode)) = self.codes.get(code) {
                let mut types = vec![category.clone()];
                let old = mode.to_ascii_uppercase();
                if OLD_CATEGORIES.iter().any(|(c, _)| *c == old) {
                    types.push(old);
                }
                return types;
            }
            code = &code[..code.len() - 1];
        }
        Vec::new()
    }

    /// The quad class of a PLOVER category.
    pub fn quad(&self, category: &str) -> Option<&'static str> {
        self.quads.get(category).copied()
    }
}

const QUADS: [&str; 4] =
    ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];

fn gold_actors(value: Option<&Value>) -> Vec<GoldActor> {
    let Some(list) = value.and_then(Value::as_array) else { return Vec::new() };
    list.iter()
        .map(|a| GoldActor {
            text: a["actorText"].as_str().map(str::to_string),
            code: a["code"].as_str().unwrap_or("").to_string(),
        })
        .collect()
}

/// Reads `PLOVER_GSR_CAMEO.txt` (a JSON array), skipping the DOCUMENT header.
pub fn read_plover(raw: &str, table: &CameoTable) -> Result<Vec<GoldSentence>> {
    let records: Vec<Value> = serde_json::from_str(raw).context("not a JSON array of records")?;
    let mut out = Vec::new();
    for r in &records {
        let event = r["event"].as_str().unwrap_or("");
        let Some(text) = r["text"].as_str() else { continue };
        if event.is_empty() || event == "DOCUMENT" {
            continue;
        }
        out.push(GoldSentence {
            id: r["id"].as_str().unwrap_or("?").to_string(),
            text: text.to_string(),
            codings: vec![GoldCoding {
                types: vec![event.to_string()],
                quad: table.quad(event),
                sources: gold_actors(r.get("source")),
                targets: gold_actors(r.get("target")),
            }],
        });
    }
    Ok(out)
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(&tag[at..at + end])
}

fn coded_actor(code: Option<&str>) -> Vec<GoldActor> {
    match code {
        Some(c) if !c.trim().is_empty() => vec![GoldActor { text: None, code: c.trim().to_string() }],
        _ => Vec::new(),
    }
}

/// Reads `PETR2_GSR_validation.xml`. The file is not well-formed XML
/// (`<Sentence …/>` closes itself and is closed again by `</Sentence>`), so
/// it is read line by line: a `<Sentence` line opens a record, each
/// `<EventCoding` adds a gold coding, `<Text>`…`</Text>` is the sentence.
pub fn read_petrarch(raw: &str, table: &CameoTable) -> Result<Vec<GoldSentence>> {
    let mut out: Vec<GoldSentence> = Vec::new();
    let mut in_text = false;
    let mut in_sentences = false;
    for (n, line) in raw.lines().enumerate() {
        let t = line.trim();
        if t.starts_with("<Sentences>") {
            in_sentences = true;
            continue;
        }
        if !in_sentences {
            continue;
        }
        if in_text {
            if t.starts_with("</Text>") {
                in_text = false;
            } else if let Some(s) = out.last_mut() {
                if !s.text.is_empty() && !t.is_empty() {
                    s.text.push(' ');
                }
                s.text += &super::markup::decode_entities(t);
            }
        } else if t.starts_with("<Sentence ") {
            out.push(GoldSentence {
                id: attr(t, "id").unwrap_or("?").to_string(),
                text: String::new(),
                codings: Vec::new(),
            });
        } else if t.starts_with("<EventCoding") {
            let Some(s) = out.last_mut() else { bail!("line {}: <EventCoding> outside a sentence", n + 1) };
            if attr(t, "noevents").is_some() {
                continue;
            }
            let Some(code) = attr(t, "eventcode") else {
                bail!("line {}: <EventCoding> without eventcode", n + 1)
            };
            s.codings.push(GoldCoding {
                types: table.plover(code),
                quad: root_of(code).and_then(quad_of_root),
                sources: coded_actor(attr(t, "sourcecode")),
                targets: coded_actor(attr(t, "targetcode")),
            });
        } else if t.starts_with("<Text>") {
            if out.is_empty() {
                bail!("line {}: <Text> outside a sentence", n + 1);
            }
            in_text = true;
        }
    }
    if in_text {
        bail!("a <Text> element never ends");
    }
    Ok(out)
}

/// Gold country codes (alpha-3) → the engine's state ids, through alpha-2.
#[derive(Debug, Default)]
pub struct CodeMap {
    states: HashMap<String, String>,
}

impl CodeMap {
    /// Built from Debian's iso-codes and the engine's state gazetteer; `None`
    /// when either cannot be read (then codes are not matched at all).
    pub fn load() -> Option<CodeMap> {
        let iso: Value = serde_json::from_str(&std::fs::read_to_string(ISO_CODES).ok()?).ok()?;
        let states: Value = serde_json::from_str(STATES).ok()?;
        Some(CodeMap::build(&iso, &states))
    }

    pub fn build(iso: &Value, states: &Value) -> CodeMap {
        let mut by_alpha2 = HashMap::new();
        for s in states["states"].as_array().into_iter().flatten() {
            if let (Some(id), Some(a2)) = (s["id"].as_str(), s["iso"].as_str()) {
                by_alpha2.insert(a2.to_ascii_uppercase(), id.to_string());
            }
        }
        let mut map = CodeMap::default();
        for c in iso["3166-1"].as_array().into_iter().flatten() {
            if let (Some(a3), Some(a2)) = (c["alpha_3"].as_str(), c["alpha_2"].as_str()) {
                if let Some(id) = by_alpha2.get(&a2.to_ascii_uppercase()) {
                    map.states.insert(a3.to_ascii_uppercase(), id.clone());
                }
            }
        }
        map
    }

    /// The state id of a gold code's first three letters, if they name a country.
    pub fn state(&self, code: &str) -> Option<&str> {
        self.states.get(&code.get(..3)?.to_ascii_uppercase()).map(String::as_str)
    }
}

/// Whether a predicted actor is the gold actor (see the module comment).
pub fn actor_matches(pred: &PredActor, gold: &GoldActor, codes: Option<&CodeMap>) -> bool {
    if let Some(text) = &gold.text {
        let text = text.to_lowercase();
        if pred.names.iter().any(|n| {
            let n = n.to_lowercase();
            !n.trim().is_empty() && (n == text || text.contains(&n))
        }) {
            return true;
        }
    }
    match codes.and_then(|c| c.state(&gold.code)) {
        Some(state) => pred.ids.iter().any(|id| id == state),
        None => false,
    }
}

fn any_match(pred: &[PredActor], gold: &[GoldActor], codes: Option<&CodeMap>) -> bool {
    pred.iter().any(|p| gold.iter().any(|g| actor_matches(p, g, codes)))
}

/// How the engine did on one sentence with gold codings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Outcome {
    pub found: bool,
    pub type_ok: bool,
    pub any_type_ok: bool,
    pub quad_ok: bool,
    /// `None` when the gold names no source.
    pub source_ok: Option<bool>,
    pub target_ok: Option<bool>,
}

/// Scores the engine's events of a sentence against its gold codings (not empty).
pub fn score_sentence(codings: &[GoldCoding], events: &[PredEvent], codes: Option<&CodeMap>) -> Outcome {
    let first = events.first();
    let mut best: Option<(Outcome, (bool, bool, bool))> = None;
    for g in codings {
        let (type_ok, quad_ok, source_ok, target_ok) = match first {
            Some(e) => (
                g.types.contains(&e.event_type),
                g.quad == Some(e.quad.as_str()),
                any_match(&e.sources, &g.sources, codes),
                any_match(&e.targets, &g.targets, codes),
            ),
            None => (false, false, false, false),
        };
        let outcome = Outcome {
            found: first.is_some(),
            type_ok,
            any_type_ok: events.iter().any(|e| g.types.contains(&e.event_type)),
            quad_ok,
            source_ok: (!g.sources.is_empty()).then_some(source_ok),
            target_ok: (!g.targets.is_empty()).then_some(target_ok),
        };
        let key = (type_ok, source_ok, target_ok);
        if best.as_ref().is_none_or(|(_, k)| key > *k) {
            best = Some((outcome, key));
        }
    }
    best.map(|(o, _)| o).unwrap_or_default()
}

/// The totals of one corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub sentences: usize,
    pub found: usize,
    pub type_ok: usize,
    pub any_type_ok: usize,
    pub quad_ok: usize,
    pub with_source: usize,
    pub source_ok: usize,
    pub with_target: usize,
    pub target_ok: usize,
    /// Gold "no event" sentences, and those where the engine found one anyway.
    pub no_event: usize,
    pub no_event_found: usize,
    pub refused: usize,
}

impl Counts {
    pub fn add(&mut self, o: &Outcome) {
        self.sentences += 1;
        self.found += usize::from(o.found);
        self.type_ok += usize::from(o.type_ok);
        self.any_type_ok += usize::from(o.any_type_ok);
        self.quad_ok += usize::from(o.quad_ok);
        if let Some(ok) = o.source_ok {
            self.with_source += 1;
            self.source_ok += usize::from(ok);
        }
        if let Some(ok) = o.target_ok {
            self.with_target += 1;
            self.target_ok += usize::from(ok);
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn name_of(v: serde_json::Result<Value>) -> String {
    v.ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// The engine's events of a briefing, with actor ids resolved to names.
pub fn predicted(b: &Briefing) -> Vec<PredEvent> {
    let actor = |id: &str| -> PredActor {
        let mut p = PredActor { names: Vec::new(), ids: vec![id.to_string()] };
        let add = |id: &str, p: &mut PredActor| {
            if let Some(a) = b.actors.iter().find(|a| a.id == id) {
                p.names.push(a.name.clone());
                p.names.extend(a.aliases.iter().cloned());
                return a.member_of.clone();
            }
            None
        };
        if let Some(parent) = add(id, &mut p) {
            add(&parent, &mut p);
            p.ids.push(parent);
        }
        p
    };
    b.events
        .iter()
        .map(|e| PredEvent {
            event_type: name_of(serde_json::to_value(e.event_type)),
            quad: name_of(serde_json::to_value(e.quad)),
            sources: e.sources.iter().map(|s| actor(s)).collect(),
            targets: e.targets.iter().map(|s| actor(s)).collect(),
        })
        .collect()
}

struct Report {
    corpus: EventCorpus,
    counts: Counts,
    seconds: f64,
    examples: Vec<String>,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    if let Some(code) = super::missing_corpora(&args.corpora) {
        return Ok(code);
    }
    for path in args.corpus.iter().map(|c| c.file()).chain([TABLE]) {
        if !args.corpora.join(path).is_file() {
            eprintln!("lagebild: corpus file {} does not exist", args.corpora.join(path).display());
            return Ok(ExitCode::from(2));
        }
    }
    let table_path = args.corpora.join(TABLE);
    let table = CameoTable::parse(
        &std::fs::read_to_string(&table_path)
            .with_context(|| format!("cannot read {}", table_path.display()))?,
    );
    let codes = CodeMap::load();
    let mut reports = Vec::new();
    for &corpus in &args.corpus {
        reports.push(evaluate(corpus, &args.corpora, &table, codes.as_ref(), args.examples)?);
    }
    let code_note = if codes.is_some() {
        "country codes matched via iso-codes alpha-3 → alpha-2"
    } else {
        "country codes NOT matched (no /usr/share/iso-codes/json/iso_3166-1.json): actors match by text only"
    };
    if args.json {
        let all: Vec<Value> = reports.iter().map(|r| to_json(r, code_note)).collect();
        println!("{}", serde_json::to_string_pretty(&all)?);
    } else {
        for r in &reports {
            print!("{}", table_text(r, code_note));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn evaluate(
    corpus: EventCorpus,
    corpora: &Path,
    table: &CameoTable,
    codes: Option<&CodeMap>,
    examples: usize,
) -> Result<Report> {
    let started = Instant::now();
    let path = corpora.join(corpus.file());
    let raw = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let gold = match corpus {
        EventCorpus::PloverGsr => read_plover(&raw, table),
        EventCorpus::PetrarchValidation => read_petrarch(&raw, table),
    }
    .with_context(|| path.display().to_string())?;
    if gold.is_empty() {
        bail!("{}: no gold sentences", path.display());
    }
    let options = Options { published: None, language: Some(Language::En) };
    let mut counts = Counts::default();
    let mut shown = Vec::new();
    for s in &gold {
        let events = match analyse_text(&s.text, &options) {
            Ok(b) => predicted(&b),
            Err(err) => {
                eprintln!("lagebild: {}: {err}", s.id);
                counts.refused += 1;
                Vec::new()
            }
        };
        if s.codings.is_empty() {
            counts.no_event += 1;
            counts.no_event_found += usize::from(!events.is_empty());
            continue;
        }
        let o = score_sentence(&s.codings, &events, codes);
        counts.add(&o);
        let wrong = !o.type_ok || o.source_ok == Some(false) || o.target_ok == Some(false);
        if wrong && shown.len() < examples {
            shown.push(example(s, events.first(), &o));
        }
    }
    Ok(Report { corpus, counts, seconds: started.elapsed().as_secs_f64(), examples: shown })
}

fn actors_text(actors: &[PredActor]) -> String {
    actors.iter().map(|a| a.ids.join("<")).collect::<Vec<_>>().join("+")
}

fn gold_text(actors: &[GoldActor]) -> String {
    actors
        .iter()
        .map(|a| match &a.text {
            Some(t) => format!("{t} ({})", a.code),
            None => a.code.clone(),
        })
        .collect::<Vec<_>>()
        .join("+")
}

fn example(s: &GoldSentence, first: Option<&PredEvent>, o: &Outcome) -> String {
    let g = &s.codings[0];
    let got = match first {
        Some(e) => format!("{} {}→{}", e.event_type, actors_text(&e.sources), actors_text(&e.targets)),
        None => "no event".to_string(),
    };
    let mark = |ok: Option<bool>| match ok {
        Some(true) => "ok",
        Some(false) => "wrong",
        None => "-",
    };
    format!(
        "{}: gold {} {}→{}; engine {} [type {}, source {}, target {}]\n      {}",
        s.id,
        g.types.first().map_or("?", String::as_str),
        gold_text(&g.sources),
        gold_text(&g.targets),
        got,
        mark(Some(o.type_ok)),
        mark(o.source_ok),
        mark(o.target_ok),
        s.text
    )
}

fn table_text(r: &Report, code_note: &str) -> String {
    let c = &r.counts;
    let row = |label: &str, a: usize, b: usize| format!("  {label:<28} {:>6.3}  ({a}/{b})\n", ratio(a, b));
    let mut out = format!(
        "{}: {} sentences with gold events, first engine event scored, {:.2} s\n",
        r.corpus.name(),
        c.sentences,
        r.seconds
    );
    out += &row("coverage (an event found)", c.found, c.sentences);
    out += &row("event type (first event)", c.type_ok, c.sentences);
    out += &row("event type (any event)", c.any_type_ok, c.sentences);
    out += &row("quad class", c.quad_ok, c.sentences);
    out += &row("source (gold names one)", c.source_ok, c.with_source);
    out += &row("target (gold names one)", c.target_ok, c.with_target);
    if c.no_event > 0 {
        out += &format!(
            "  gold no-event sentences: {}, engine found an event in {}\n",
            c.no_event, c.no_event_found
        );
    }
    if c.refused > 0 {
        out += &format!("  {} sentences refused by the engine (scored as no event)\n", c.refused);
    }
    out += &format!("  ({code_note})\n");
    for e in &r.examples {
        out += &format!("    {e}\n");
    }
    out.push('\n');
    out
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn to_json(r: &Report, code_note: &str) -> Value {
    let c = &r.counts;
    json!({
        "corpus": r.corpus.name(),
        "sentences": c.sentences,
        "found": c.found,
        "coverage": round(ratio(c.found, c.sentences)),
        "type_accuracy": round(ratio(c.type_ok, c.sentences)),
        "any_type_accuracy": round(ratio(c.any_type_ok, c.sentences)),
        "quad_accuracy": round(ratio(c.quad_ok, c.sentences)),
        "source_accuracy": round(ratio(c.source_ok, c.with_source)),
        "target_accuracy": round(ratio(c.target_ok, c.with_target)),
        "counts": {
            "type_ok": c.type_ok, "any_type_ok": c.any_type_ok, "quad_ok": c.quad_ok,
            "with_source": c.with_source, "source_ok": c.source_ok,
            "with_target": c.with_target, "target_ok": c.target_ok,
            "no_event": c.no_event, "no_event_found": c.no_event_found, "refused": c.refused,
        },
        "codes": code_note,
        "seconds": round(r.seconds),
        "examples": r.examples,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TINY_TABLE: &str = "# header\n04: CONSULT\n040: CONSULT, ,  # Consult\n08: CONCEDE\n08: RETREAT\n\
        090: ACCUSE, investigate,  # Investigate\n11: ACCUSE\n112: ACCUSE, disapprove, # Accuse\n\
        19: ASSAULT\n190: ASSAULT, , military # Use force\n";

    fn pred(names: &[&str], ids: &[&str]) -> PredActor {
        PredActor {
            names: names.iter().map(|s| s.to_string()).collect(),
            ids: ids.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn gold(text: Option<&str>, code: &str) -> GoldActor {
        GoldActor { text: text.map(str::to_string), code: code.to_string() }
    }

    fn codes() -> CodeMap {
        let iso =
            json!({"3166-1": [{"alpha_2": "RU", "alpha_3": "RUS"}, {"alpha_2": "US", "alpha_3": "USA"}]});
        let states = json!({"states": [{"id": "russia", "iso": "RU"}, {"id": "united_states", "iso": "US"}]});
        CodeMap::build(&iso, &states)
    }

    #[test]
    fn the_table_maps_codes_modes_and_quads() {
        let t = CameoTable::parse(TINY_TABLE);
        assert_eq!(t.plover("0401"), vec!["CONSULT"]);
        assert_eq!(t.plover("090"), vec!["ACCUSE", "INVESTIGATE"]);
        assert_eq!(t.plover("08"), vec!["CONCEDE"]);
        assert!(t.plover("99").is_empty());
        assert_eq!(t.quad("CONSULT"), Some("verbal_cooperation"));
        assert_eq!(t.quad("ASSAULT"), Some("material_conflict"));
        assert_eq!(t.quad("FIGHT"), Some("material_conflict"));
        assert_eq!(t.quad("DEMAND"), Some("verbal_conflict"));
        assert_eq!(quad_of_root(6), Some("material_cooperation"));
        assert_eq!(quad_of_root(21), None);
    }

    #[test]
    fn actors_match_by_text_parent_or_code() {
        let c = codes();
        assert!(actor_matches(
            &pred(&["Hungary", "Hungarian"], &["hungary"]),
            &gold(Some("Hungarian"), "HUN"),
            None
        ));
        assert!(actor_matches(&pred(&["U.N."], &["un"]), &gold(Some("U.N. Security Council"), "IGO"), None));
        assert!(actor_matches(
            &pred(&["Putin"], &["vladimir_putin", "russia"]),
            &gold(None, "RUSGOV"),
            Some(&c)
        ));
        assert!(!actor_matches(
            &pred(&["Putin"], &["vladimir_putin", "russia"]),
            &gold(None, "RUSGOV"),
            None
        ));
        assert!(!actor_matches(&pred(&["Russia"], &["russia"]), &gold(None, "USA"), Some(&c)));
        assert!(!actor_matches(&pred(&["Iran"], &["iran"]), &gold(None, "---REB"), Some(&c)));
        // The gold text must contain the name, not the other way round.
        assert!(!actor_matches(
            &pred(&["United States Congress"], &["x"]),
            &gold(Some("United States"), "USA"),
            None
        ));
    }

    #[test]
    fn a_sentence_is_scored_on_the_first_event_and_the_best_coding() {
        let c = codes();
        let g1 = GoldCoding {
            types: vec!["CONSULT".into()],
            quad: Some("verbal_cooperation"),
            sources: vec![gold(None, "USA")],
            targets: vec![gold(None, "RUS")],
        };
        let g2 =
            GoldCoding { sources: vec![gold(None, "RUS")], targets: vec![gold(None, "USA")], ..g1.clone() };
        let e = PredEvent {
            event_type: "CONSULT".into(),
            quad: "verbal_cooperation".into(),
            sources: vec![pred(&["Russia"], &["russia"])],
            targets: vec![pred(&["USA"], &["united_states"])],
        };
        let o = score_sentence(&[g1.clone(), g2], std::slice::from_ref(&e), Some(&c));
        assert_eq!(o.source_ok, Some(true));
        assert_eq!(o.target_ok, Some(true));
        assert!(o.type_ok && o.quad_ok && o.found);

        let wrong_first =
            PredEvent { event_type: "ASSAULT".into(), quad: "material_conflict".into(), ..e.clone() };
        let o = score_sentence(std::slice::from_ref(&g1), &[wrong_first, e], Some(&c));
        assert!(!o.type_ok && o.any_type_ok && !o.quad_ok);
        assert_eq!(o.source_ok, Some(false));

        let no_target = GoldCoding { targets: Vec::new(), ..g1 };
        let o = score_sentence(&[no_target], &[], Some(&c));
        assert!(!o.found && !o.type_ok);
        assert_eq!((o.source_ok, o.target_ok), (Some(false), None));

        let mut counts = Counts::default();
        counts.add(&o);
        assert_eq!((counts.sentences, counts.with_source, counts.with_target), (1, 1, 0));
    }

    #[test]
    fn plover_and_petrarch_records_are_read() {
        let t = CameoTable::parse(TINY_TABLE);
        let plover = r#"[{"id": "D", "event": "DOCUMENT"},
            {"id": "P1", "event": "DEMAND", "text": "A demanded B.", "target": "",
             "source": [{"actorText": "A", "code": "USA", "sector": "GOV"}]}]"#;
        let p = read_plover(plover, &t).unwrap_or_default();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].codings[0].quad, Some("verbal_conflict"));
        assert!(p[0].codings[0].targets.is_empty());
        assert_eq!(p[0].codings[0].sources[0].text.as_deref(), Some("A"));

        let petrarch = "<Validation>\n# <EventCoding...> in a comment\n<Sentences>\n\
            <Sentence category=\"AFP\" id=\"S1\" evaluate=\"true\"/>\n\
            <EventCoding eventcode=\"112\" sourcecode=\"USAGOV\" targetcode=\"RUS\" />\n\
            <Text>\nThe US accused &amp; blamed\nRussia.\n</Text>\n<Parse>\n1 x\n</Parse>\n</Sentence>\n\
            <Sentence category=\"AFP\" id=\"S2\"/>\n<EventCoding noevents=\"True\" />\n<Text>\nNothing.\n</Text>\n</Sentence>\n";
        let s = read_petrarch(petrarch, &t).unwrap_or_default();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "The US accused & blamed Russia.");
        assert_eq!(s[0].codings[0].types, vec!["ACCUSE", "DISAPPROVE"]);
        assert_eq!(s[0].codings[0].quad, Some("verbal_conflict"));
        assert_eq!(s[0].codings[0].sources[0].code, "USAGOV");
        assert!(s[1].codings.is_empty());
        assert!(read_petrarch("<Sentences>\n<Sentence id=\"x\"/>\n<Text>\nopen", &t).is_err());
    }
}
