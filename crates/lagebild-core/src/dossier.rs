//! The dossier: many analysed articles merged into one view, the input of
//! the figures and exports.
//!
//! [`merge`] is a pure function of the articles, in the order given.
//!
//! # Rules
//! - **Actors** merge by their stable id: mention counts add up, aliases
//!   are pooled, and each actor lists the articles that name it.
//! - **Events** merge when they report the same act: the same type, the
//!   same participants (sources and targets; for a mutual act, such as a
//!   meeting, either direction), both negated or both not, and compatible
//!   dates: equal, or one inside the other (`2024-10` and `2024-10-24`).
//!   A merged event takes the finest of its dates and lists every report
//!   of it (article, sentence span, sentence). Reports are compared with
//!   the finest date first, so coarse dates join the precise event they fit.
//!   A coarse date that fits two distinct events is not guessed into either
//!   and stays an event of its own. Undated reports of the same act merge
//!   with each other, never with a dated one.
//! - **Date conflicts**: two merged events of the same act whose dates are
//!   incompatible are flagged, never silently reconciled, when (1) no article
//!   reports both (an article that gives both dates tells two events), and
//!   (2) their periods lie at most [`CONFLICT_WINDOW_DAYS`] apart, the
//!   slack within which reports of one event plausibly disagree (a day off
//!   across time zones, a report's date for the event's). Both events stay
//!   on the timeline with their own dates and sources; the conflict names
//!   both dates and the articles behind each.
//! - **Modality**: a merged event is as factual as its most factual report
//!   (asserted, then reported, planned, speculative); each report keeps its own.
//! - **Relations and escalation** are computed over the merged events by the
//!   same code as for one article (see `relations`), so a conflict counts
//!   once per flagged event until the analyst resolves it.

mod period;

pub use period::Period;

use crate::model::{
    ActorKind, DateModifier, Document, EscalationPoint, Event, EventType, Language, Modality, OffsetUnit,
    Precision, Quad, Relation, Span,
};
use crate::relations;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use ts_rs::TS;

/// The largest gap, in days, between two incompatible dates of the same act
/// from different articles that is flagged as a conflict rather than taken
/// as two events.
pub const CONFLICT_WINDOW_DAYS: i64 = 14;

/// Many articles merged into one view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dossier {
    /// The articles, in the order given.
    pub articles: Vec<DossierArticle>,
    /// The language most articles are written in (the first article's on a tie).
    pub language: Language,
    /// The actors of all articles, merged by id, in order of first mention.
    pub actors: Vec<DossierActor>,
    /// The events, each once with all its reports, in order of first report.
    pub events: Vec<DossierEvent>,
    /// Events that are plausibly one act but whose sources disagree on the date.
    pub conflicts: Vec<DateConflict>,
    /// What the merged events add up to per directed actor pair.
    pub relations: Vec<Relation>,
    /// The escalation index per month, for the whole dossier.
    pub escalation: Vec<EscalationPoint>,
}

/// One article of the dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DossierArticle {
    /// The name it was opened under.
    pub name: String,
    /// Its headline, when one was found.
    pub title: Option<String>,
    /// Its language.
    pub language: Language,
    /// Its publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
}

/// One actor across the dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DossierActor {
    /// The stable id shared by all articles.
    pub id: String,
    /// Canonical English name.
    pub name: String,
    /// The name to show in the dossier's language: the canonical name in
    /// English; in German the first capitalised form a German article uses
    /// ("Nordkorea"), else the canonical name.
    pub label: String,
    /// What kind of actor it is.
    pub kind: ActorKind,
    /// Every form the articles use for it.
    pub aliases: Vec<String>,
    /// The actor it acts for, as the first article that says so has it.
    pub member_of: Option<String>,
    /// Mentions in all articles together.
    pub mentions: u32,
    /// The names of the articles that mention it.
    pub articles: Vec<String>,
}

/// One act, told by one or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DossierEvent {
    /// `d1`, `d2`, … in order of first report.
    pub id: String,
    /// The finest date its reports give, null when none gives one.
    pub when: Option<String>,
    /// How fine `when` is.
    pub precision: Option<Precision>,
    /// The modifier of the report that gave `when`.
    pub when_modifier: Option<DateModifier>,
    /// Actor ids of those who act (as the first report has them).
    pub sources: Vec<String>,
    /// Actor ids of those acted upon.
    pub targets: Vec<String>,
    /// A symmetric act: either direction holds.
    pub mutual: bool,
    /// The PLOVER type.
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub event_type: EventType,
    /// The CAMEO quad class.
    pub quad: Quad,
    /// Goldstein-scale intensity of the type.
    pub intensity: f32,
    /// The most factual modality among the reports.
    pub modality: Modality,
    /// Every article sentence that reports it.
    pub reports: Vec<EventReport>,
    /// Ids of the events whose date conflicts with this one's (see [`DateConflict`]).
    pub conflicts_with: Vec<String>,
}

/// Where one article reports an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EventReport {
    /// The article's name.
    pub article: String,
    /// The event's id in that article's briefing.
    pub event: String,
    /// The date this article gives.
    pub when: Option<String>,
    /// How fine that date is.
    pub precision: Option<Precision>,
    /// How this article tells it.
    pub modality: Modality,
    /// The sentence, in the offsets of that article's briefing.
    pub sentence_span: Span,
    /// The sentence's text.
    pub sentence: String,
}

/// Two events that are plausibly one act, whose sources give incompatible dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DateConflict {
    /// The two claims, earlier date first.
    pub claims: Vec<DateClaim>,
}

/// One side of a date conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DateClaim {
    /// The dossier event.
    pub event: String,
    /// The date its reports give.
    pub when: String,
    /// The articles that give it.
    pub articles: Vec<String>,
}

/// Merges analysed articles into one dossier (see the module docs for the rules).
pub fn merge(documents: &[Document]) -> Dossier {
    let reports = collect_reports(documents);
    let clusters = cluster(&reports);
    let mut events: Vec<DossierEvent> =
        clusters.iter().enumerate().map(|(i, c)| merged_event(i, c, &reports)).collect();
    let conflicts = find_conflicts(&clusters, &reports, &mut events);
    let shims: Vec<Event> = events.iter().map(as_event).collect();
    let language = majority_language(documents);
    Dossier {
        articles: documents.iter().map(article).collect(),
        language,
        actors: merge_actors(documents, language),
        relations: relations::relations(&shims),
        escalation: relations::escalation(&shims),
        events,
        conflicts,
    }
}

/// The escalation series of one actor pair, in both directions.
pub fn pair_escalation(dossier: &Dossier, a: &str, b: &str) -> Vec<EscalationPoint> {
    let involves = |e: &&DossierEvent| {
        let has = |list: &[String], id: &str| list.iter().any(|x| x == id);
        (has(&e.sources, a) && has(&e.targets, b)) || (has(&e.sources, b) && has(&e.targets, a))
    };
    let shims: Vec<Event> = dossier.events.iter().filter(involves).map(as_event).collect();
    relations::escalation(&shims)
}

fn article(document: &Document) -> DossierArticle {
    let b = &document.briefing;
    DossierArticle {
        name: document.name.clone(),
        title: b.title.clone(),
        language: b.language,
        published: b.published.clone(),
    }
}

fn majority_language(documents: &[Document]) -> Language {
    let german = documents.iter().filter(|d| d.briefing.language == Language::De).count();
    let english = documents.len() - german;
    match (german.cmp(&english), documents.first()) {
        (std::cmp::Ordering::Greater, _) => Language::De,
        (std::cmp::Ordering::Less, _) => Language::En,
        (std::cmp::Ordering::Equal, Some(first)) => first.briefing.language,
        (std::cmp::Ordering::Equal, None) => Language::En,
    }
}

fn merge_actors(documents: &[Document], language: Language) -> Vec<DossierActor> {
    let mut out: Vec<DossierActor> = Vec::new();
    for document in documents {
        for actor in &document.briefing.actors {
            let at = match out.iter().position(|a| a.id == actor.id) {
                Some(at) => at,
                None => {
                    out.push(DossierActor {
                        id: actor.id.clone(),
                        name: actor.name.clone(),
                        label: actor.name.clone(),
                        kind: actor.kind,
                        aliases: Vec::new(),
                        member_of: None,
                        mentions: 0,
                        articles: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            let merged = &mut out[at];
            merged.mentions += u32::try_from(actor.mentions.len()).unwrap_or(u32::MAX);
            for alias in &actor.aliases {
                if !merged.aliases.contains(alias) {
                    merged.aliases.push(alias.clone());
                }
            }
            let local_form = actor.aliases.iter().find(|a| a.chars().next().is_some_and(char::is_uppercase));
            let first_in_language = merged.label == merged.name;
            if let (Language::De, Language::De, true, Some(form)) =
                (language, document.briefing.language, first_in_language, local_form)
            {
                merged.label.clone_from(form);
            }
            if merged.member_of.is_none() {
                merged.member_of.clone_from(&actor.member_of);
            }
            if !merged.articles.contains(&document.name) {
                merged.articles.push(document.name.clone());
            }
        }
    }
    out
}

/// One event of one article, with what merging needs to know of it.
struct Report<'d> {
    article: usize,
    document: &'d Document,
    event: &'d Event,
    period: Option<Period>,
    key: ActKey,
}

/// What makes two reports the same act, dates aside.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct ActKey {
    event_type: EventType,
    negated: bool,
    /// For a directed act, (sources, targets); for a mutual one, all
    /// participants in the first list and none in the second.
    participants: (BTreeSet<String>, BTreeSet<String>),
}

fn act_key(event: &Event) -> ActKey {
    let sources: BTreeSet<String> = event.sources.iter().cloned().collect();
    let targets: BTreeSet<String> = event.targets.iter().cloned().collect();
    let participants = if event.mutual {
        (sources.union(&targets).cloned().collect(), BTreeSet::new())
    } else {
        (sources, targets)
    };
    ActKey { event_type: event.event_type, negated: event.modality == Modality::Negated, participants }
}

fn collect_reports(documents: &[Document]) -> Vec<Report<'_>> {
    let mut out = Vec::new();
    for (article, document) in documents.iter().enumerate() {
        for event in &document.briefing.events {
            let period = event.when.as_deref().and_then(Period::parse);
            out.push(Report { article, document, event, period, key: act_key(event) });
        }
    }
    out
}

/// A group of report indices that tell one act.
struct Cluster {
    members: Vec<usize>,
}

impl Cluster {
    fn first(&self) -> usize {
        self.members.iter().copied().min().unwrap_or_default()
    }
}

/// Groups the reports into acts (see the module docs for the rules).
fn cluster(reports: &[Report]) -> Vec<Cluster> {
    let mut by_key: HashMap<&ActKey, Vec<usize>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        by_key.entry(&r.key).or_default().push(i);
    }
    let mut out: Vec<Cluster> = Vec::new();
    for indices in by_key.into_values() {
        let mut dated: Vec<usize> = Vec::new();
        let mut undated: Vec<usize> = Vec::new();
        let mut unreadable: Vec<usize> = Vec::new();
        for i in indices {
            match (&reports[i].period, &reports[i].event.when) {
                (Some(_), _) => dated.push(i),
                (None, None) => undated.push(i),
                (None, Some(_)) => unreadable.push(i),
            }
        }
        // Finest first; the sort is stable, so equal widths keep text order.
        dated.sort_by_key(|&i| reports[i].period.map_or(i64::MAX, |p| p.days()));
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in dated {
            let fits: Vec<usize> = (0..groups.len())
                .filter(|&g| groups[g].iter().all(|&j| compatible(&reports[i], &reports[j])))
                .collect();
            match fits.as_slice() {
                [one] => groups[*one].push(i),
                _ => groups.push(vec![i]),
            }
        }
        // A value that is not a calendar date merges only with the same value.
        for i in unreadable {
            let same =
                groups.iter().position(|g| g.iter().all(|&j| reports[j].event.when == reports[i].event.when));
            match same {
                Some(g) => groups[g].push(i),
                None => groups.push(vec![i]),
            }
        }
        if !undated.is_empty() {
            groups.push(undated);
        }
        out.extend(groups.into_iter().map(|mut members| {
            members.sort_unstable();
            Cluster { members }
        }));
    }
    // Groups of different acts came out in hash order; text order is the contract.
    out.sort_by_key(Cluster::first);
    out
}

fn compatible(a: &Report, b: &Report) -> bool {
    match (a.period, b.period) {
        (Some(p), Some(q)) => p.compatible(&q),
        _ => false,
    }
}

/// How factual a modality is; lower is more factual.
fn factual_rank(modality: Modality) -> u8 {
    match modality {
        Modality::Asserted => 0,
        Modality::Reported => 1,
        Modality::Planned => 2,
        Modality::Speculative => 3,
        Modality::Negated => 4,
    }
}

fn merged_event(index: usize, cluster: &Cluster, reports: &[Report]) -> DossierEvent {
    let first = &reports[cluster.first()];
    let finest = cluster
        .members
        .iter()
        .map(|&i| &reports[i])
        .filter(|r| r.event.when.is_some())
        .min_by_key(|r| r.period.map_or(i64::MAX, |p| p.days()));
    let modality = cluster
        .members
        .iter()
        .map(|&i| reports[i].event.modality)
        .min_by_key(|&m| factual_rank(m))
        .unwrap_or(first.event.modality);
    DossierEvent {
        id: format!("d{}", index + 1),
        when: finest.and_then(|r| r.event.when.clone()),
        precision: finest.and_then(|r| r.event.precision),
        when_modifier: finest.and_then(|r| r.event.when_modifier),
        sources: first.event.sources.clone(),
        targets: first.event.targets.clone(),
        mutual: first.event.mutual,
        event_type: first.event.event_type,
        quad: first.event.quad,
        intensity: first.event.intensity,
        modality,
        reports: cluster.members.iter().map(|&i| report(&reports[i])).collect(),
        conflicts_with: Vec::new(),
    }
}

fn report(r: &Report) -> EventReport {
    EventReport {
        article: r.document.name.clone(),
        event: r.event.id.clone(),
        when: r.event.when.clone(),
        precision: r.event.precision,
        modality: r.event.modality,
        sentence_span: r.event.sentence_span,
        sentence: span_text(&r.document.briefing.text, r.document.briefing.offsets, r.event.sentence_span)
            .trim()
            .to_string(),
    }
}

/// The text a span covers, whichever unit the briefing counts in; empty when
/// the span does not fit the text.
pub fn span_text(text: &str, unit: OffsetUnit, span: Span) -> String {
    match unit {
        OffsetUnit::Utf8 => text.get(span.start()..span.end()).unwrap_or_default().to_string(),
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            units.get(span.start()..span.end()).map(String::from_utf16_lossy).unwrap_or_default()
        }
    }
}

/// Flags pairs of clusters of one act whose dates conflict, and links the
/// events both ways.
fn find_conflicts(
    clusters: &[Cluster],
    reports: &[Report],
    events: &mut [DossierEvent],
) -> Vec<DateConflict> {
    let articles =
        |c: &Cluster| -> BTreeSet<usize> { c.members.iter().map(|&i| reports[i].article).collect() };
    let period = |event: &DossierEvent| event.when.as_deref().and_then(Period::parse);
    let mut out = Vec::new();
    for a in 0..clusters.len() {
        for b in a + 1..clusters.len() {
            if reports[clusters[a].first()].key != reports[clusters[b].first()].key {
                continue;
            }
            let (Some(pa), Some(pb)) = (period(&events[a]), period(&events[b])) else { continue };
            let disjoint = articles(&clusters[a]).is_disjoint(&articles(&clusters[b]));
            if pa.compatible(&pb) || !disjoint || pa.gap_days(&pb) > CONFLICT_WINDOW_DAYS {
                continue;
            }
            let (early, late) = if (pa.first, pa.last) <= (pb.first, pb.last) { (a, b) } else { (b, a) };
            let claim = |i: usize| DateClaim {
                event: events[i].id.clone(),
                when: events[i].when.clone().unwrap_or_default(),
                articles: distinct(events[i].reports.iter().map(|r| r.article.clone())),
            };
            out.push(DateConflict { claims: vec![claim(early), claim(late)] });
            let (id_a, id_b) = (events[a].id.clone(), events[b].id.clone());
            events[a].conflicts_with.push(id_b);
            events[b].conflicts_with.push(id_a);
        }
    }
    out
}

fn distinct(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The merged event in the shape the relation code reads.
fn as_event(event: &DossierEvent) -> Event {
    let span = Span(0, 0);
    Event {
        id: event.id.clone(),
        when: event.when.clone(),
        precision: event.precision,
        when_modifier: event.when_modifier,
        when_inferred: false,
        sources: event.sources.clone(),
        targets: event.targets.clone(),
        mutual: event.mutual,
        event_type: event.event_type,
        quad: event.quad,
        intensity: event.intensity,
        modality: event.modality,
        trigger: String::new(),
        trigger_span: span,
        time_span: None,
        sentence_span: span,
    }
}

#[cfg(test)]
mod tests;
