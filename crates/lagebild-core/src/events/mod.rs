//! Event extraction: who did what to whom, and when.
//!
//! Per sentence: find trigger words ([`triggers`]), cut the sentence into
//! clauses, and give each trigger its source and target actors from the
//! clause with rules instead of a parser: subject and object position,
//! German inversion and verb-final clauses, passive agents ("von", "by"),
//! prepositional targets ("gegen", "against"), genitive and adjectival agents
//! of nouns ("Nordkoreas Truppenaufmarsch", "der ukrainische Angriff") and
//! coordination ("Nordkoreas und Russlands Machthaber"). A noun trigger that
//! is the object of a verb trigger in the same clause ("kritisierte die
//! Stationierung") is part of that event, not an event of its own. Each event
//! takes the date of its clause, else of its sentence, else none.

mod claims;
mod modality;
mod partners;
mod tokens;
mod told;
mod triggers;

use crate::actors::{FormRole, MentionRef, Recognised};
use crate::model::{ActorKind, Event, EventType, Language, Modality, Quad, Span};
use crate::sentence_words::SentenceWords;
use crate::syntax::Syntax;
use crate::temporal::{Point, Tagged};
use crate::text;
use tokens::Token;

/// A trigger found in a sentence.
struct Trigger {
    word: usize,
    len: usize,
    entry: &'static triggers::Entry,
    nominal: bool,
    clause: usize,
}

/// What every rule reads of the sentence at hand.
struct SentenceView<'a, 'm> {
    text: &'a str,
    language: Language,
    actors: &'a [crate::model::Actor],
    words: &'a [Token<'a>],
    placed: &'a [Placed<'m>],
    /// The clause number of every word.
    clauses: &'a [usize],
    /// The sentence's noun triggers: word index and quad class.
    nouns: Vec<(usize, Quad)>,
    syntax: &'static Syntax,
}

impl SentenceView<'_, '_> {
    /// How many words of the clause of word `at` follow it, up to a
    /// conjunction ("… besetzt und die Beamten beworfen").
    fn clause_words_after(&self, at: usize) -> usize {
        let Some(&clause) = self.clauses.get(at) else { return 0 };
        self.words
            .iter()
            .zip(self.clauses)
            .skip(at + 1)
            .take_while(|(w, &c)| c == clause && !self.syntax.clause_breaks.contains(w.lower()))
            .count()
    }
}

/// The most words that may follow a verb at the end of its clause: the rest
/// of the verb ("zur Verfügung gestellt hatte").
const MAX_WORDS_AFTER_FINAL_VERB: usize = 3;

/// An event of the sentence at hand, before the rules that read the whole
/// sentence's events have run.
struct Pending {
    nominal: bool,
    clause: usize,
    event: Event,
    /// The type it takes among partners (see [`partners`]).
    among_partners: Option<EventType>,
}

/// A mention placed among the sentence's words.
#[derive(Clone, Copy)]
struct Placed<'m> {
    mention: &'m MentionRef,
    word: usize,
    last_word: usize,
    clause: usize,
}

/// Extracts the events of an article; `dates` are its date mentions in text
/// order, as [`crate::temporal::tag`] gives them.
pub(crate) fn extract(
    text: &str,
    sentences: &[Span],
    sentence_words: &SentenceWords,
    language: Language,
    recognised: &Recognised,
    dates: &[Tagged],
) -> Vec<Event> {
    let syntax = Syntax::get(language);
    let theatre = main_theatre(recognised);
    let deploys_type = |t: EventType| matches!(t, EventType::Mobilize | EventType::Retreat);
    let mut events: Vec<Event> = Vec::new();
    let mut told = told::ToldActs::default();
    for (index, (&sentence, cut)) in sentences.iter().zip(sentence_words.sentences()).enumerate() {
        let words = tokens::of(&cut);
        let sentence_text = &text[sentence.0..sentence.1];
        // The sentence in lower case, made when a phrase is looked for.
        let lower_sentence = std::cell::OnceCell::new();
        let lower_sentence = || lower_sentence.get_or_init(|| text::lower_text(sentence_text)).as_str();
        if words.is_empty() {
            continue;
        }
        // The triggers each word starts, for the few words that start one.
        // Most sentences have none; then all they can still do is name who
        // claimed an earlier act.
        let hits: Vec<(usize, Vec<triggers::Hit>)> = (0..words.len())
            .map(|i| (i, triggers::at(language, &words, i)))
            .filter(|(_, hits)| !hits.is_empty())
            .collect();
        if hits.is_empty() && !events.iter().any(claims::unclaimed) {
            continue;
        }
        let clauses = clause_ids(text, &words, syntax);
        // The sentence's own mentions (they are sorted by place).
        let mentions = &recognised.mentions;
        let here = &mentions[mentions.partition_point(|m| m.span.0 < sentence.0)
            ..mentions.partition_point(|m| m.span.0 < sentence.1)];
        let modality = modality::Reader {
            sentence: sentence_text,
            lower_sentence,
            words: &words,
            clauses: &clauses,
            language,
            syntax,
            known: modality::Known::default(),
        };
        let placed = place_mentions(text, &recognised.actors, here, sentence, &words, &clauses);
        let found = find_triggers(hits, &words, &clauses, &placed);
        let plain = plain_word_counts(&words, &placed);
        let view = SentenceView {
            text,
            language,
            actors: &recognised.actors,
            words: &words,
            placed: &placed,
            clauses: &clauses,
            nouns: found
                .iter()
                .filter(|t| t.nominal)
                .map(|t| (t.word, triggers::class_of(t.entry.event_type).0))
                .collect(),
            syntax,
        };
        let mut pending: Vec<Pending> = Vec::new();
        for (k, trigger) in found.iter().enumerate() {
            if trigger.entry.speech {
                continue;
            }
            if trigger.nominal && found.iter().any(|verb| governs(verb, trigger, &plain)) {
                // Part of its verb's event, but it may be named again later.
                if let Some(act) = build_event(&view, trigger, &[]) {
                    told.remember(act.event_type, &act.trigger, &act.sources, &act.targets);
                }
                continue;
            }
            let governed: Vec<&Trigger> = found
                .iter()
                .enumerate()
                .filter(|(j, noun)| *j != k && governs(trigger, noun, &plain))
                .map(|(_, t)| t)
                .collect();
            let Some(mut event) = build_event(&view, trigger, &governed) else {
                continue;
            };
            event.sentence_span = sentence;
            if trigger.nominal && event.sources.is_empty() && is_definite(&words, trigger, syntax) {
                if let Some((sources, targets)) = told.participants(event.event_type, &event.trigger) {
                    event.sources = sources.to_vec();
                    if event.targets.is_empty() {
                        event.targets = targets.to_vec();
                    }
                }
            }
            if event.targets.is_empty() && event.quad == Quad::MaterialConflict {
                event.targets = located_target(
                    &recognised.actors,
                    here,
                    sentence,
                    &words,
                    &clauses,
                    trigger,
                    &event.sources,
                );
            }
            if event.targets.is_empty()
                && !trigger.nominal
                && names_earlier_act(&words, &clauses, trigger, syntax)
            {
                let window = window_start(sentences, index, ACT_ANAPHOR_SENTENCES);
                let earlier = events
                    .iter()
                    .filter(|e| e.sentence_span.0 >= window)
                    .chain(pending.iter().map(|p| &p.event));
                event.targets = actors_of_earlier_act(earlier, &event.sources);
            }
            // An act without participants that is no deployment, and does
            // not become one when denied, is dropped below: its date and
            // modality are not worth reading.
            let may_deploy =
                deploys_type(event.event_type) || trigger.entry.refused_as.is_some_and(deploys_type);
            if event.sources.is_empty() && event.targets.is_empty() && !may_deploy {
                continue;
            }
            date_event(&mut event, dates, sentence, &words, &clauses, trigger, syntax);
            event.modality = modality.of(trigger);
            if let (Modality::Negated, Some(refusal)) = (event.modality, trigger.entry.refused_as) {
                event.event_type = refusal;
                (event.quad, event.intensity) = triggers::class_of(refusal);
                event.modality = Modality::Asserted;
            }
            pending.push(Pending {
                nominal: trigger.nominal,
                clause: trigger.clause,
                event,
                among_partners: trigger.entry.among_partners,
            });
        }
        // A deployment or withdrawal without participants may still take a
        // shared subject and the theatre; other acts need one of their own.
        let deploys = |e: &Event| deploys_type(e.event_type);
        pending.retain(|p| !p.event.sources.is_empty() || !p.event.targets.is_empty() || deploys(&p.event));
        if pending.iter().any(|p| p.event.sources.is_empty()) {
            inherit_subjects(&mut pending, &coordinated_clauses(&words, &clauses, syntax));
        }
        for p in pending.iter_mut() {
            let event = &mut p.event;
            if event.targets.is_empty() && deploys(event) {
                event.targets = deployed_to(theatre, &event.sources, &recognised.actors);
                // Troops sent to the article's theatre may be sent to a war
                // rather than to a partner; leaving it ends what they did
                // there (see `partners`).
                p.among_partners = p.among_partners.filter(|_| event.event_type == EventType::Retreat);
            }
        }
        pending.retain(|p| !(p.event.sources.is_empty() && p.event.targets.is_empty()));
        if pending.iter().any(|p| p.among_partners.is_some()) {
            let told = events.iter().chain(pending.iter().map(|p| &p.event));
            let hostilities = partners::Hostilities::among(told, &recognised.actors);
            for p in pending.iter_mut() {
                if let Some(partner_type) = p.among_partners {
                    partners::retype(&mut p.event, partner_type, &hostilities, &recognised.actors);
                }
            }
        }
        // A claim only matters while some act of force lacks its author.
        let unclaimed_acts =
            pending.iter().any(|p| claims::unclaimed(&p.event)) || events.iter().any(claims::unclaimed);
        let claim = if unclaimed_acts { claims::find(lower_sentence(), sentence.0, syntax) } else { None };
        if let Some((claim, who)) = claim.and_then(|claim| {
            let in_sentence: Vec<claims::Mentioned> = placed
                .iter()
                .map(|p| claims::Mentioned {
                    span: p.mention.span,
                    id: recognised.actors[p.mention.actor].id.clone(),
                    bare: preposition_before(&words, p.word, syntax).is_none(),
                })
                .collect();
            claim.claimant(&in_sentence, language).map(|who| (claim, who))
        }) {
            let window = window_start(sentences, index, claims::CLAIM_WINDOW_SENTENCES);
            let here = pending.iter_mut().rev().map(|p| &mut p.event).filter(|e| e.trigger_span.0 < claim.at);
            let before = events.iter_mut().rev().filter(|e| e.sentence_span.0 >= window);
            match here.chain(before).find(|e| claims::unclaimed(e)) {
                Some(act) => claims::credit(act, &who),
                // Further back, a claim is of the act the article leads with.
                None => {
                    if let Some(lead) = events.iter_mut().find(|e| claims::unclaimed(e)) {
                        claims::credit(lead, &who);
                    }
                }
            }
        }
        for p in pending.iter().filter(|p| p.nominal) {
            told.remember(p.event.event_type, &p.event.trigger, &p.event.sources, &p.event.targets);
        }
        for trigger in found.iter().filter(|t| t.entry.speech) {
            let Some(mut event) = build_event(&view, trigger, &[]) else {
                continue;
            };
            // The speaker stands before the verb, or right after it when a
            // quotation ends before the verb ("…“, sagte Guterres").
            let after_quote = trigger.word > 0
                && text[words[trigger.word - 1].span.1..words[trigger.word].span.0]
                    .contains([',', '"', '“', '”', '«', '»']);
            // What is said follows the verb, or precedes it in a quotation.
            let said_at = words[trigger.word].span.0;
            let reported: Vec<&Event> = pending
                .iter()
                .map(|p| &p.event)
                .filter(|e| (e.trigger_span.0 > said_at) != after_quote)
                .collect();
            let speaker_placed = placed.iter().any(|p| {
                event.sources.first() == Some(&recognised.actors[p.mention.actor].id)
                    && (p.word < trigger.word || after_quote && p.word == trigger.word + trigger.len)
            });
            if !speaker_placed || !speech_event(&mut event, &reported, &recognised.actors) {
                continue;
            }
            event.sentence_span = sentence;
            date_event(&mut event, dates, sentence, &words, &clauses, trigger, syntax);
            event.modality = modality.of(trigger);
            pending.push(Pending { nominal: false, clause: trigger.clause, event, among_partners: None });
        }
        for Pending { event, .. } in pending {
            if !events.iter().any(|e| same_event(e, &event)) {
                events.push(event);
            }
        }
    }
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    events
}

/// How far before its noun an agent may stand and still belong to the noun's
/// phrase ("die Stationierung nordkoreanischer Truppen" has it after,
/// "Nordkoreas umstrittene Stationierung" before).
const NOUN_PHRASE_LOOKBACK: usize = 2;

/// Where the sentence `back` sentences before sentence `index` starts (or
/// the first one): the start of a window of the latest sentences.
fn window_start(sentences: &[Span], index: usize, back: usize) -> usize {
    sentences.get(index.saturating_sub(back)).map_or(0, |s| s.0)
}

/// Whether a noun trigger follows a determiner ("der Invasion", "the invasion").
fn is_definite(words: &[Token], trigger: &Trigger, syntax: &Syntax) -> bool {
    trigger
        .word
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .is_some_and(|w| syntax.determiners.contains(w.lower()))
}

/// How many sentences back an act named by "diese Entwicklung" or "the move"
/// may have been told.
const ACT_ANAPHOR_SENTENCES: usize = 2;

/// Whether the trigger's clause names an act told before ("erkennen diese
/// Entwicklung nicht an", "condemned the move").
fn names_earlier_act(words: &[Token], clauses: &[usize], trigger: &Trigger, syntax: &Syntax) -> bool {
    let anaphors = &syntax.act_anaphors;
    words.windows(2).zip(clauses.iter().skip(1)).any(|(pair, &clause)| {
        clause == trigger.clause
            && anaphors.determiners.contains(pair[0].lower())
            && anaphors.nouns.contains(pair[1].lower())
    })
}

/// Who carried out the latest of `earlier` acts that someone other than
/// `sources` carried out: the target of a reaction to it.
fn actors_of_earlier_act<'e>(earlier: impl Iterator<Item = &'e Event>, sources: &[String]) -> Vec<String> {
    earlier
        .filter(|e| !e.sources.is_empty() && !e.sources.iter().any(|s| sources.contains(s)))
        .last()
        .map(|e| e.sources.clone())
        .unwrap_or_default()
}

/// The state where a use of force takes place, when the clause names no
/// one it is aimed at ("Luftangriffe in Syrien", "troops in Mali"): force in a
/// country is aimed at that country.
fn located_target(
    actors: &[crate::model::Actor],
    here: &[MentionRef],
    sentence: Span,
    words: &[Token],
    clauses: &[usize],
    trigger: &Trigger,
    sources: &[String],
) -> Vec<String> {
    here.iter()
        .filter(|m| m.place && sentence.contains(m.span))
        .filter(|m| word_at(words, m.span.0).is_some_and(|w| clauses[w] == trigger.clause))
        .map(|m| &actors[m.actor])
        .find(|a| a.kind == ActorKind::State && !sources.contains(&a.id))
        .map(|a| vec![a.id.clone()])
        .unwrap_or_default()
}

/// Makes a verb of saying into the speaker's disapproval of the one whose
/// conflictual act the same sentence reports ("Guterres betonte, dass der
/// nordkoreanische Truppenaufmarsch eine gefährliche Eskalation darstelle").
/// False when nothing reported is a conflict by someone other than the
/// speaker's own side: then the saying is no event.
fn speech_event(event: &mut Event, reported: &[&Event], actors: &[crate::model::Actor]) -> bool {
    let Some(speaker) = event.sources.first() else { return false };
    let side = |id: &String| actors.iter().find(|a| &a.id == id).and_then(|a| a.member_of.clone());
    let own: Vec<String> = std::iter::once(speaker.clone()).chain(side(speaker)).collect();
    let conflictual =
        reported.iter().filter(|e| matches!(e.quad, Quad::VerbalConflict | Quad::MaterialConflict));
    let named = conflictual
        .flat_map(|e| e.sources.iter().chain(&e.targets))
        .find(|id| !own.contains(id) && side(id).is_none_or(|parent| !own.contains(&parent)));
    match named {
        Some(other) => {
            event.targets = vec![other.clone()];
            event.sources.truncate(1);
            true
        }
        None => false,
    }
}

/// The state an article is set in: the one it names as a place ("in Mali")
/// at least twice and more often than any other.
fn main_theatre(recognised: &Recognised) -> Option<usize> {
    let mut counts: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    for m in recognised.mentions.iter().filter(|m| m.place) {
        if recognised.actors[m.actor].kind == ActorKind::State {
            *counts.entry(m.actor).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(actor, n)| (n, actor)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked.as_slice() {
        [(n, actor)] | [(n, actor), ..] if *n >= 2 && ranked.get(1).is_none_or(|(m, _)| m < n) => {
            Some(*actor)
        }
        _ => None,
    }
}

/// Where a deployment or withdrawal that names no destination goes: the
/// article's theatre ("nachdem Frankreich seinen Einsatz beendete" in an
/// article about Mali), unless that is the source's own state.
fn deployed_to(theatre: Option<usize>, sources: &[String], actors: &[crate::model::Actor]) -> Vec<String> {
    let Some(theatre) = theatre.map(|i| &actors[i]) else { return Vec::new() };
    let own = sources.iter().any(|id| {
        id == &theatre.id || actors.iter().any(|a| &a.id == id && a.member_of.as_ref() == Some(&theatre.id))
    });
    if sources.is_empty() || own {
        Vec::new()
    } else {
        vec![theatre.id.clone()]
    }
}

/// Whom a demand or a request is made of, where its clause names no one:
/// the subject of the content clause right after it ("Frankreich forderte,
/// dass Russland seine Truppen abzieht"), the first mention of that clause
/// with no preposition before it.
fn content_clause_subject<'m>(view: &SentenceView<'_, 'm>, trigger: &Trigger) -> Vec<Placed<'m>> {
    let SentenceView { text, words, clauses, placed, syntax, .. } = *view;
    let trigger_end = trigger.word + trigger.len - 1;
    let Some(opening) = (trigger_end + 1..words.len()).find(|&i| clauses[i] != trigger.clause) else {
        return Vec::new();
    };
    if !syntax.complementizers.contains(words[opening].lower()) {
        return Vec::new();
    }
    let content: Vec<Placed> = placed.iter().filter(|p| p.clause == clauses[opening]).copied().collect();
    content
        .iter()
        .position(|p| preposition_before(words, p.word, syntax).is_none())
        .map(|first| group(text, &content, first, syntax))
        .unwrap_or_default()
}

/// The state a withdrawal leaves ("der Abzug aus Mali", "withdrew from
/// Syria"): the first state after the trigger that an origin preposition
/// governs.
fn left_behind(
    actors: &[crate::model::Actor],
    words: &[Token],
    placed: &[Placed],
    trigger: &Trigger,
    sources: &[String],
    syntax: &Syntax,
) -> Vec<String> {
    placed
        .iter()
        .filter(|p| p.clause == trigger.clause && p.word > trigger.word)
        .filter(|p| preposition_before(words, p.word, syntax).is_some_and(|w| syntax.origin.contains(w)))
        .map(|p| &actors[p.mention.actor])
        .find(|a| a.kind == ActorKind::State && !sources.contains(&a.id))
        .map(|a| vec![a.id.clone()])
        .unwrap_or_default()
}

/// For each word index (and one past the end), how many words before it
/// name no actor.
fn plain_word_counts(words: &[Token], placed: &[Placed]) -> Vec<usize> {
    let mut naming = vec![false; words.len()];
    for p in placed {
        for flag in naming.iter_mut().take(p.last_word + 1).skip(p.word) {
            *flag = true;
        }
    }
    let mut out = Vec::with_capacity(words.len() + 1);
    let mut count = 0;
    out.push(0);
    for is_naming in naming {
        count += usize::from(!is_naming);
        out.push(count);
    }
    out
}

/// How many words after a meeting its partner may stand.
const MAX_PARTNER_DISTANCE: usize = 4;

/// How many words a verb may stand from the noun it governs.
const GOVERNING_DISTANCE: usize = 6;

/// How many words an announced act noun may stand after the announcing
/// word ("announced a complete troop withdrawal").
const MAX_ANNOUNCED_OBJECT_DISTANCE: usize = 4;

/// Whether a verb trigger governs a noun trigger: same clause, close by
/// (before or after it: German puts the participle last). Words that name
/// actors do not count towards the distance: "kritisierten die USA, Japan
/// und Südkorea die Zusammenarbeit" is as close as "kritisierten die
/// Zusammenarbeit".
/// `plain[i]` counts the words before word `i` that name no actor.
fn governs(verb: &Trigger, noun: &Trigger, plain: &[usize]) -> bool {
    if verb.nominal
        || verb.entry.speech
        || !noun.nominal
        || verb.clause != noun.clause
        || verb.word == noun.word
    {
        return false;
    }
    let (from, to) = (verb.word.min(noun.word), verb.word.max(noun.word));
    plain[to].saturating_sub(plain[from + 1]) < GOVERNING_DISTANCE
}

/// A noun event without its own agent takes the subject of the verb event of
/// its clause ("Nordkorea bedroht … durch die Waffenlieferungen an Russland");
/// an event without a source in a clause joined by a coordinating
/// conjunction takes that of the latest event before it ("Die Bundesregierung
/// will den Einsatz fortsetzen, aber im Sommer mit dem Abzug beginnen").
fn inherit_subjects(pending: &mut [Pending], coordinated: &[usize]) {
    let verb_sources: Vec<(usize, Vec<String>)> = pending
        .iter()
        .filter(|p| !p.nominal && !p.event.sources.is_empty())
        .map(|p| (p.clause, p.event.sources.clone()))
        .collect();
    for p in pending.iter_mut().filter(|p| p.nominal && p.event.sources.is_empty()) {
        if let Some((_, sources)) = verb_sources.iter().find(|(c, _)| *c == p.clause) {
            p.event.sources = sources.iter().filter(|s| !p.event.targets.contains(s)).cloned().collect();
        }
    }
    for i in 0..pending.len() {
        let (clause, at) = (pending[i].clause, pending[i].event.trigger_span.0);
        if !pending[i].event.sources.is_empty() || !coordinated.contains(&clause) {
            continue;
        }
        let shared = pending[..i]
            .iter()
            .rev()
            .find(|p| p.clause != clause && p.event.trigger_span.0 < at && !p.event.sources.is_empty())
            .map(|p| p.event.sources.clone());
        if let Some(sources) = shared {
            let event = &mut pending[i].event;
            event.sources = sources.into_iter().filter(|s| !event.targets.contains(s)).collect();
        }
    }
}

fn same_event(a: &Event, b: &Event) -> bool {
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    a.event_type == b.event_type
        && a.when == b.when
        && sorted(&a.sources) == sorted(&b.sources)
        && sorted(&a.targets) == sorted(&b.targets)
}

/// A clause number for every word: a new clause starts after `;`, `:`, a
/// dash, and after a comma that a conjunction or relative pronoun follows.
/// A bracketed aside is a clause of its own, and after it the clause it
/// interrupted goes on ("Die Gruppe der Acht (G8) schloss Russland aus").
fn clause_ids(text: &str, words: &[Token], syntax: &Syntax) -> Vec<usize> {
    let mut out = Vec::with_capacity(words.len());
    let mut clause = 0;
    let mut next_clause = 1;
    // The clauses a bracket interrupted, innermost last.
    let mut interrupted: Vec<(usize, bool)> = Vec::new();
    // Whether the clause so far is a subordinate one ("Während …, fordert …").
    let mut subordinate = words.first().is_some_and(|w| is_subordinator(w.lower(), syntax));
    // Whether the sentence opens with a prepositional phrase not yet ended.
    let mut opening = words.first().is_some_and(|w| syntax.opening_prepositions.contains(w.lower()));
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            let gap = &text[words[i - 1].span.1..word.span.0];
            // Most words follow a single space: nothing there ends a clause.
            if gap == " " {
                out.push(clause);
                continue;
            }
            // A dash between spaces breaks a clause; one right after a word
            // truncates a compound ("Waffen- und Munitionslieferungen").
            let spaced_dash = gap.trim() == "-" && gap.starts_with(char::is_whitespace);
            let hard = gap.contains([';', ':', '–', '—']) || spaced_dash;
            let lower = word.lower();
            // "Daimler, and Siemens": a list of names, not a new clause.
            let listed_name = matches!(lower, "and" | "or" | "und" | "oder")
                && text::is_capitalised(words[i - 1].text)
                && words.get(i + 1).is_some_and(|next| text::is_capitalised(next.text));
            let comma_clause = gap.contains(',')
                && !listed_name
                && (syntax.clause_breaks.contains(lower) || syntax.relative_pronouns.contains(lower));
            // After a subordinate clause its main clause begins with the
            // verb, written in lower case.
            let main_after_subordinate = subordinate
                && gap.contains(',')
                && word.text.starts_with(char::is_lowercase)
                && !syntax.articles.contains(lower);
            for bracket in gap.chars().filter(|c| matches!(c, '(' | ')')) {
                if bracket == '(' {
                    interrupted.push((clause, subordinate));
                    (clause, subordinate) = (next_clause, false);
                    next_clause += 1;
                } else if let Some(outer) = interrupted.pop() {
                    (clause, subordinate) = outer;
                }
            }
            let opening_ends = opening && gap.contains(',');
            if opening_ends || hard {
                opening = false;
            }
            if hard || comma_clause || main_after_subordinate || opening_ends {
                clause = next_clause;
                next_clause += 1;
                subordinate = is_subordinator(lower, syntax);
            }
        }
        out.push(clause);
    }
    out
}

/// A clause-opening word that makes its clause subordinate ("während",
/// "because"), unlike the coordinating ones ("und", "but").
fn is_subordinator(lower: &str, syntax: &Syntax) -> bool {
    syntax.clause_breaks.contains(lower) && !syntax.coordinators.contains(lower)
}

/// The clauses that open with a coordinating conjunction ("…, aber im
/// Sommer mit dem Abzug beginnen"): they may share the subject before them.
fn coordinated_clauses(words: &[Token], clauses: &[usize], syntax: &Syntax) -> Vec<usize> {
    // Clause numbers are small: they count up from 0 along the sentence.
    let mut seen = vec![false; clauses.iter().max().map_or(0, |last| last + 1)];
    let mut first_time =
        |clause: usize| seen.get_mut(clause).is_some_and(|seen| !std::mem::replace(seen, true));
    words
        .iter()
        .zip(clauses)
        .filter(|(_, &clause)| first_time(clause))
        .filter(|(w, _)| syntax.coordinators.contains(w.lower()))
        .map(|(_, &clause)| clause)
        .collect()
}

fn word_at(words: &[Token], offset: usize) -> Option<usize> {
    words.iter().position(|w| w.span.0 <= offset && offset < w.span.1.max(w.span.0 + 1))
}

/// Whether a mention only qualifies the role before the name of someone
/// acting for it ("UN-Generalsekretär António Guterres", "US President
/// Barack Obama"): then the person acts, not the organisation or state.
fn is_role_prefix(
    text: &str,
    actors: &[crate::model::Actor],
    mention: &MentionRef,
    following: &[MentionRef],
) -> bool {
    let actor_id = &actors[mention.actor].id;
    following.iter().take_while(|person| person.span.0 < mention.span.1 + 60).any(|person| {
        let gap = text.get(mention.span.1..person.span.0).unwrap_or("");
        person.span.0 > mention.span.1
            && gap.len() < 60
            && actors[person.actor].member_of.as_ref() == Some(actor_id)
            && gap.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '-')
            && gap.split_whitespace().count() <= 3
    })
}

/// Whether an adjective only qualifies the actor named right after it ("der
/// russischen Söldnertruppe Wagner", "Iranian airline Mahan Air"): then
/// the named actor takes part, not the adjective's state.
fn qualifies_next(text: &str, mention: &MentionRef, following: &[MentionRef]) -> bool {
    if mention.role != FormRole::Adjective {
        return false;
    }
    following.iter().take_while(|next| next.span.0 < mention.span.1 + 40).any(|next| {
        let gap = text.get(mention.span.1..next.span.0).unwrap_or("");
        next.span.0 > mention.span.1
            && next.actor != mention.actor
            && next.role == FormRole::Name
            && gap.len() < 40
            && gap.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || "-„“\"".contains(c))
            && gap.split_whitespace().count() <= 2
    })
}

fn place_mentions<'m>(
    text: &str,
    actors: &[crate::model::Actor],
    here: &'m [MentionRef],
    sentence: Span,
    words: &[Token],
    clauses: &[usize],
) -> Vec<Placed<'m>> {
    here.iter()
        .enumerate()
        .filter(|(_, m)| sentence.contains(m.span) && !m.place)
        .filter(|(i, m)| !is_role_prefix(text, actors, m, &here[i + 1..]))
        .filter(|(i, m)| !qualifies_next(text, m, &here[i + 1..]))
        .filter_map(|(_, m)| {
            let word = word_at(words, m.span.0)?;
            let last_word = word_at(words, m.span.1.saturating_sub(1)).unwrap_or(word);
            Some(Placed { mention: m, word, last_word, clause: clauses[word] })
        })
        .collect()
}

/// The triggers of a sentence, chosen from the hits of the words that start
/// any (`hits`: each such word, in order, with what [`triggers::at`] gives
/// for it): a word inside a mention starts
/// none, and a hit's particle, required and excluded words must stand in its
/// clause.
fn find_triggers(
    hits: Vec<(usize, Vec<triggers::Hit>)>,
    words: &[Token],
    clauses: &[usize],
    placed: &[Placed],
) -> Vec<Trigger> {
    let mut out = Vec::new();
    // The words with hits, in order: each is reached once, or passed over.
    let mut hits = hits.into_iter().peekable();
    let mut i = 0;
    while i < words.len() {
        if placed.iter().any(|p| p.word <= i && i <= p.last_word) {
            i += 1;
            continue;
        }
        let clause = clauses[i];
        let in_clause_from = |w: &str, from: usize| {
            words.iter().zip(clauses).skip(from).any(|(x, &c)| c == clause && x.lower() == w)
        };
        let in_clause = |w: &str| in_clause_from(w, 0);
        while hits.next_if(|(word, _)| *word < i).is_some() {}
        let hits = hits.next_if(|(word, _)| *word == i).map(|(_, hits)| hits).unwrap_or_default();
        if hits.is_empty() {
            i += 1;
            continue;
        }
        let hit = hits.into_iter().find(|h| {
            h.entry.particle.as_deref().is_none_or(|p| in_clause_from(p, i + h.words))
                && (h.entry.requires.is_empty() || h.entry.requires.iter().any(|r| in_clause(r)))
                && !h.entry.excludes.iter().any(|x| in_clause(x))
        });
        match hit {
            Some(h) => {
                out.push(Trigger { word: i, len: h.words, entry: h.entry, nominal: h.nominal, clause });
                i += h.words;
            }
            None => i += 1,
        }
    }
    out
}

/// How far before a German participle its agent with "von" may end ("von
/// Russland offen unterstützten"): the words between are adverbs.
const MAX_ATTRIBUTIVE_AGENT_DISTANCE: usize = 2;

/// The most words of a title before a name ("Secretary of State").
const MAX_TITLE_WORDS: usize = 4;

/// Where the title before word `at` starts ("with President Obama", "gegen
/// US-Präsident Biden", "by Secretary of State Warren Christopher"): the
/// first capitalised word of the role words right before it; `at` itself
/// when none stands there. A title's words, the name and the word before
/// the title stand one space apart: after punctuation (": Attorney General
/// Eric Holder") a title starts a phrase of its own.
fn title_start(words: &[Token], at: usize, language: Language) -> usize {
    let one_space_apart = |k: usize| words[k + 1].span.0 == words[k].span.1 + 1;
    let mut start = at;
    for (k, word) in words[..at].iter().enumerate().rev().take(MAX_TITLE_WORDS) {
        if !one_space_apart(k) || !crate::actors::is_role_word(language, word.lower()) {
            break;
        }
        if text::is_capitalised(word.text) {
            start = k;
        }
    }
    match start.checked_sub(1) {
        Some(before) if start < at && !one_space_apart(before) => at,
        _ => start,
    }
}

/// The preposition governing a mention: the word before it (and before the
/// title of a person's name), skipping one article or lower-case adjective.
fn preposition_before<'w>(words: &'w [Token], at: usize, syntax: &Syntax) -> Option<&'w str> {
    let at = title_start(words, at, syntax.language);
    for back in 1..=3 {
        let word = words.get(at.checked_sub(back)?)?;
        let lower = word.lower();
        let is_prep = [&syntax.agent, &syntax.target, &syntax.with, &syntax.locative, &syntax.origin]
            .iter()
            .any(|set| set.contains(lower));
        if is_prep {
            return Some(lower);
        }
        let skippable = syntax.articles.contains(lower)
            || (back < 3 && !text::is_capitalised(word.text) && !lower.chars().all(|c| c.is_ascii_digit()));
        if !skippable {
            return None;
        }
    }
    None
}

/// A mention with the mentions coordinated with it ("A, B und C").
fn group<'m>(text: &str, placed: &[Placed<'m>], first: usize, syntax: &Syntax) -> Vec<Placed<'m>> {
    let mut out = vec![placed[first]];
    for next in placed.iter().skip(first + 1) {
        let Some(last) = out.last() else { break };
        if next.clause != last.clause {
            break;
        }
        let gap = &text[last.mention.span.1..next.mention.span.0];
        // In a list, a name the gazetteer does not know may stand between
        // known ones ("Deutsche Telekom, Daimler, and Siemens").
        let listed = gap.contains(',');
        let joiners_only = text::word_iter(gap, 0).all(|w| {
            let lower = text::lower(w.text);
            syntax.list_joiners.contains(lower.as_ref())
                || lower == "s"
                || syntax.articles.contains(lower.as_ref())
                || listed && text::is_capitalised(w.text)
        });
        let punctuation_ok =
            gap.chars().all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | '\'' | '’'));
        let joined = gap.contains(',')
            || !text::word_iter(gap, 0)
                .all(|w| syntax.articles.contains(text::lower(w.text).as_ref()) || w.text == "s");
        if !(joiners_only && punctuation_ok && joined) {
            break;
        }
        out.push(*next);
    }
    out
}

fn ids(recognised_actors: &[crate::model::Actor], group: &[Placed]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in group {
        let id = &recognised_actors[p.mention.actor].id;
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

fn build_event(view: &SentenceView, trigger: &Trigger, governed: &[&Trigger]) -> Option<Event> {
    let SentenceView { text, language, actors, words, placed, syntax, .. } = *view;
    let trigger_end = trigger.word + trigger.len - 1;
    // A speaker named after the act ("…, Howe said") reports it, takes no part.
    let speaks =
        |p: &Placed| words.get(p.last_word + 1).is_some_and(|w| syntax.reporting.is_listed(w.lower()));
    let in_clause: Vec<Placed> = placed
        .iter()
        .filter(|p| p.clause == trigger.clause && !(p.word > trigger_end && speaks(p)))
        .copied()
        .collect();
    let prep = |p: &Placed| preposition_before(words, p.word, syntax);
    let bare = |p: &Placed| prep(p).is_none_or(|w| syntax.with.contains(w) && !syntax.target.contains(w));

    let (mut sources, mut targets): (Vec<Placed>, Vec<Placed>) = if trigger.nominal {
        nominal_arguments(view, &in_clause, trigger)
    } else {
        let passive = words.iter().any(|w| syntax.passive_auxiliaries.contains(w.lower()));
        let agent = in_clause.iter().position(|p| prep(p).is_some_and(|w| syntax.agent.contains(w)));
        let bare_positions: Vec<usize> = (0..in_clause.len()).filter(|&i| bare(&in_clause[i])).collect();
        let grouped = |i: usize| group(text, &in_clause, i, syntax);
        if let (true, Some(a)) = (passive, agent) {
            let subject = bare_positions
                .iter()
                .copied()
                .find(|&i| !grouped(a).iter().any(|g| g.word == in_clause[i].word));
            (grouped(a), subject.map(grouped).unwrap_or_default())
        } else {
            let before: Vec<usize> =
                bare_positions.iter().copied().filter(|&i| in_clause[i].word < trigger.word).collect();
            let after: Vec<usize> =
                bare_positions.iter().copied().filter(|&i| in_clause[i].word > trigger_end).collect();
            // A German verb at the end of its clause follows both its
            // subject and its object ("…, die Nordkorea Russland zur
            // Verfügung gestellt hatte"); one in second place only follows
            // the subject ("Müntefering und Platzeck schlossen … aus").
            let words_after = view.clause_words_after(trigger_end);
            let verb_final = language == Language::De
                && before.len() >= 2
                && after.is_empty()
                && words_after <= MAX_WORDS_AFTER_FINAL_VERB;
            let source_at = if verb_final {
                before.first().copied()
            } else {
                before
                    .iter()
                    .rev()
                    .find(|&&i| {
                        !before
                            .iter()
                            .any(|&j| j < i && grouped(j).iter().any(|g| g.word == in_clause[i].word))
                    })
                    .copied()
                    // A German participle used as an adjective (before its
                    // noun) takes its agent with "von" right before it
                    // ("nach einem von Präsident Putin unterstützten
                    // Referendum").
                    .or_else(|| {
                        let before_its_noun = language == Language::De
                            && words.get(trigger_end + 1).is_some_and(|w| text::is_capitalised(w.text));
                        if !before_its_noun {
                            return None;
                        }
                        in_clause.iter().position(|p| {
                            p.last_word < trigger.word
                                && trigger.word - p.last_word <= MAX_ATTRIBUTIVE_AGENT_DISTANCE
                                && prep(p).is_some_and(|w| syntax.agent.contains(w))
                        })
                    })
                    // German puts the subject after the verb when something
                    // else comes first ("Am Montag griff Russland … an");
                    // English does not, so an actor after an English verb
                    // is its object ("Car bomb kills dozens in Afghanistan").
                    .or(after.first().copied().filter(|_| language == Language::De))
            };
            let source = source_at.map(grouped).unwrap_or_default();
            // "Trump withdrew the US from the treaty with Iran": the source's
            // own state is not what it acts on.
            let own_side = |p: &Placed| {
                let actor = &actors[p.mention.actor];
                source.iter().any(|s| {
                    let source_actor = &actors[s.mention.actor];
                    source_actor.member_of.as_ref() == Some(&actor.id)
                        || actor.member_of.as_ref() == Some(&source_actor.id)
                })
            };
            let taken = |p: &Placed| source.iter().any(|s| s.word == p.word) || own_side(p);
            let target_at = in_clause
                .iter()
                .enumerate()
                .filter(|(_, p)| !taken(p))
                .filter(|(_, p)| {
                    p.word > trigger_end
                        || verb_final && source_at.is_some_and(|s| p.word > in_clause[s].word)
                })
                .filter(|(_, p)| !attached_to_other_noun(view, p, trigger, governed))
                // "forderte den Rücktritt von Saakaschwili": whose act the
                // object is, is acted upon.
                .find(|(_, p)| {
                    bare(p) || prep(p).is_some_and(|w| syntax.target.contains(w) || syntax.of.contains(w))
                })
                .map(|(i, _)| i);
            (source, target_at.map(grouped).unwrap_or_default())
        }
    };
    // A light verb ("unterstützen", "support") takes its meaning from the
    // noun it governs ("durch Waffenlieferungen unterstützt").
    let mut event_type = trigger.entry.event_type;
    if trigger.entry.light {
        let own = triggers::class_of(event_type).1;
        if let Some(noun) = governed.iter().max_by(|a, b| {
            triggers::class_of(a.entry.event_type).1.total_cmp(&triggers::class_of(b.entry.event_type).1)
        }) {
            if triggers::class_of(noun.entry.event_type).1 > own {
                event_type = noun.entry.event_type;
            }
        }
    }
    // "Fighting between Armenia and Azerbaijan": an act between two parties
    // is theirs, each acting on the other, where it has no agent of its
    // own: none at all, or, where "between" follows it at once, none right
    // before it ("the United States condemned fighting between Sudan and
    // South Sudan", but "Egypt's mediation between Israel and Hamas"). A
    // mutual noun has read its parties so already, in `nominal_arguments`.
    let between_follows = words.get(trigger_end + 1).is_some_and(|w| syntax.between.contains(w.lower()));
    let agentless =
        sources.is_empty() || (between_follows && !in_clause.iter().any(|p| p.last_word + 1 == trigger.word));
    let between = if agentless && !(trigger.nominal && trigger.entry.mutual) {
        between_parties(view, &in_clause, trigger)
            .filter(|both| both.iter().any(|p| p.mention.actor != both[0].mention.actor))
    } else {
        None
    };
    if let Some(both) = &between {
        sources.clone_from(both);
        targets.clear();
    }
    if targets.is_empty() && between.is_none() {
        for noun in governed {
            let (noun_sources, noun_targets) = nominal_arguments(view, &in_clause, noun);
            let candidate = if noun_targets.is_empty() { noun_sources } else { noun_targets };
            // Only the noun's own phrase counts, not the clause's subject it
            // falls back on ("Müntefering und Platzeck schlossen eine
            // Koalition mit Beteiligung der Linkspartei aus").
            let fresh: Vec<Placed> = candidate
                .into_iter()
                .filter(|p| p.word + NOUN_PHRASE_LOOKBACK >= noun.word)
                .filter(|p| !sources.iter().any(|s| s.mention.actor == p.mention.actor))
                .collect();
            if !fresh.is_empty() {
                targets = fresh;
                break;
            }
        }
    }
    if targets.is_empty() && between.is_none() && matches!(event_type, EventType::Demand | EventType::Request)
    {
        targets = content_clause_subject(view, trigger);
    }
    let mut source_ids = ids(actors, &sources);
    let mut target_ids: Vec<String> =
        ids(actors, &targets).into_iter().filter(|t| !source_ids.contains(t)).collect();
    if target_ids.is_empty() && event_type == EventType::Retreat {
        target_ids = left_behind(actors, words, placed, trigger, &source_ids, syntax);
    }
    // A partner stands close to a meeting ("traf sich mit X", "met with X");
    // an actor far after it is what the meeting was about ("met to discuss
    // tension between Greece and Turkey"), acted on but not acting in turn.
    let partner_close = targets.first().is_none_or(|t| t.word <= trigger_end + MAX_PARTNER_DISTANCE);
    let mutual = (trigger.entry.mutual && partner_close) || between.is_some();
    if mutual && target_ids.is_empty() && source_ids.len() >= 2 {
        target_ids = source_ids.split_off(1);
    }
    // An event without participants may still find them: an earlier telling,
    // the place of an act of force, a claim of responsibility.
    let (quad, intensity) = triggers::class_of(event_type);
    let last = &words[trigger_end];
    let trigger_span = Span(words[trigger.word].span.0, last.span.1);
    Some(Event {
        id: String::new(),
        when: None,
        precision: None,
        when_modifier: None,
        when_inferred: false,
        sources: source_ids,
        targets: target_ids,
        mutual,
        event_type,
        quad,
        intensity,
        modality: Modality::Asserted,
        trigger: text[trigger_span.0..trigger_span.1].to_string(),
        trigger_span,
        time_span: None,
        sentence_span: Span(0, 0),
    })
}

/// Whether a mention stands in a prepositional phrase that belongs to
/// another noun trigger of the other polarity ("bedroht … durch die
/// Waffenlieferungen an Russland": Russland receives the deliveries, is not
/// threatened). A noun of the same polarity tells the same act ("agreed to
/// provide aid for Romania").
fn attached_to_other_noun(
    view: &SentenceView,
    placed: &Placed,
    trigger: &Trigger,
    governed: &[&Trigger],
) -> bool {
    let syntax = view.syntax;
    let Some(preposition) = (1..=3).filter_map(|back| placed.word.checked_sub(back)).find(|&i| {
        let lower = view.words[i].lower();
        syntax.target.contains(lower) || syntax.with.contains(lower)
    }) else {
        return false;
    };
    let cooperative = |quad: Quad| matches!(quad, Quad::VerbalCooperation | Quad::MaterialCooperation);
    let own = cooperative(triggers::class_of(trigger.entry.event_type).0);
    preposition.checked_sub(1).is_some_and(|noun| {
        // The object of the act itself carries its participants ("kritisierten
        // die Zusammenarbeit zwischen Pjöngjang und Moskau").
        let object = governed.iter().any(|g| g.word == noun);
        noun != trigger.word
            && !object
            && view.nouns.iter().any(|&(word, quad)| word == noun && cooperative(quad) != own)
    })
}

/// Whether a noun trigger is the complement of another noun ("eine
/// Aufweichung der Sanktionen", "the easing of sanctions"): then the
/// clause's subject is not its agent.
fn embedded_in_noun_phrase(words: &[Token], trigger: &Trigger, syntax: &Syntax, language: Language) -> bool {
    let Some(link) = trigger.word.checked_sub(1).map(|i| words[i].lower()) else { return false };
    let Some(head) = trigger.word.checked_sub(2).map(|i| &words[i]) else { return false };
    let linked = match language {
        Language::De => matches!(link, "der" | "des") && text::is_capitalised(head.text),
        Language::En => syntax.of.contains(link),
    };
    // Only a noun of action embeds ("Aufweichung der", "easing of"), not a
    // quantity ("dollars of aid").
    linked && syntax.looks_nominalised(head.lower())
}

/// Whether a noun trigger names an earlier act as a time ("nach dem kurzen
/// Krieg mit Russland", "since the invasion"): the clause's subject is not
/// its agent.
fn after_time_preposition(words: &[Token], trigger: &Trigger, syntax: &Syntax) -> bool {
    (1..=3)
        .filter_map(|back| trigger.word.checked_sub(back))
        .map(|i| words[i].lower())
        .find(|w| {
            let adjective = w.starts_with(char::is_lowercase) && syntax.looks_adjectival(w);
            !syntax.articles.contains(*w) && !adjective
        })
        .is_some_and(|w| syntax.time_prepositions.contains(w))
}

/// The parties named after "zwischen"/"between" right after a trigger
/// ("Streit zwischen den Militärmachthabern in Mali und der UN-Mission",
/// "fighting between Armenia and Azerbaijan"): the group after the
/// preposition, or, where the gazetteer knows only its first member, that
/// one and the next mention after "und"/"and". `None` when no mention
/// follows the preposition close to the trigger.
fn between_parties<'m>(
    view: &SentenceView,
    in_clause: &[Placed<'m>],
    trigger: &Trigger,
) -> Option<Vec<Placed<'m>>> {
    let SentenceView { text, words, syntax, .. } = *view;
    let trigger_end = trigger.word + trigger.len - 1;
    let first = in_clause.iter().position(|p| {
        p.word > trigger_end
            && p.word - trigger_end <= MAX_PARTNER_DISTANCE
            && preposition_before(words, p.word, syntax).is_some_and(|w| syntax.between.contains(w))
    })?;
    let mut both = group(text, in_clause, first, syntax);
    if both.len() == 1 {
        // "zwischen Mali und der UN-Mission MINUSMA": the second party
        // after "und", past words the gazetteer does not know.
        let joined = |p: &&Placed| {
            text::word_iter(&text[in_clause[first].mention.span.1..p.mention.span.0], 0)
                .any(|w| syntax.list_joiners.contains(text::lower(w.text).as_ref()))
        };
        both.extend(
            in_clause[first + 1..]
                .iter()
                .filter(|p| p.word <= in_clause[first].last_word + MAX_PARTNER_DISTANCE + 1)
                .find(joined),
        );
    }
    Some(both)
}

/// The agent and patient of a noun trigger: an adjective or genitive right
/// before it ("der ukrainische Angriff", "Nordkoreas Truppenaufmarsch") or a
/// genitive, adjective or agent phrase right after it ("die Stationierung
/// nordkoreanischer Truppen", "Invasion Russlands"); the target after a
/// target preposition ("Lieferungen an Russland", "attack on Kyiv").
fn nominal_arguments<'m>(
    view: &SentenceView,
    in_clause: &[Placed<'m>],
    trigger: &Trigger,
) -> (Vec<Placed<'m>>, Vec<Placed<'m>>) {
    let SentenceView { text, words, syntax, language, actors, .. } = *view;
    let trigger_end = trigger.word + trigger.len - 1;
    let prep = |p: &Placed| preposition_before(words, p.word, syntax);
    // "Streit zwischen den Militärmachthabern in Mali und der UN-Mission":
    // the parties of a mutual act follow "zwischen"; both act on each other.
    if trigger.entry.mutual {
        if let Some(both) = between_parties(view, in_clause, trigger) {
            return (both, Vec::new());
        }
    }
    let before = in_clause.iter().rev().find(|p| {
        p.last_word < trigger.word
            && trigger.word - p.last_word <= 2
            // "Nordkorea die Invasion Russlands": a name before the noun's
            // article is not its agent.
            && !words[p.last_word + 1..trigger.word].iter().any(|w| syntax.determiners.contains(w.lower()))
            && matches!(
                p.mention.role,
                FormRole::Adjective | FormRole::Name | FormRole::Seat | FormRole::Demonym
            )
    });
    let after_source = in_clause.iter().find(|p| {
        p.word > trigger_end
            && p.word - trigger_end <= 3
            && prep(p).is_none_or(|w| syntax.agent.contains(w))
            && !text[words[trigger_end].span.1..words[p.word].span.0].contains(',')
    });
    let target = in_clause.iter().find(|p| {
        p.word > trigger_end
            && p.word - trigger_end <= 7
            && prep(p).is_some_and(|w| syntax.target.contains(w))
    });
    // Failing those, the clause's subject acts ("Die libysche Luftwaffe hatte
    // begonnen, Luftangriffe zu fliegen"), unless it only reports the act
    // ("Reuters reported Monday's attack"). An act a subject announces is
    // its own ("The EU announced new sanctions against Russia").
    let announces = |at: usize| {
        syntax.announcing.contains(words[at].lower()) && trigger.word - at <= MAX_ANNOUNCED_OBJECT_DISTANCE
    };
    let reports = |from: usize| {
        (from..trigger.word).any(|at| syntax.reporting.is_listed(words[at].lower()) && !announces(at))
    };
    let subject = in_clause
        .iter()
        .position(|p| p.last_word < trigger.word && prep(p).is_none())
        .map(|first| second_subject(view, in_clause, first, trigger).unwrap_or(first))
        .map(|at| &in_clause[at])
        .filter(|p| !reports(p.last_word));
    let own_agent = before.or(after_source);
    let embedded = embedded_in_noun_phrase(words, trigger, syntax, language)
        || after_time_preposition(words, trigger, syntax);
    let source = own_agent.or(subject.filter(|_| !embedded));
    // "Mahan has been the subject of United States sanctions": a noun with an
    // agent of its own falls on the clause's subject.
    let coordinated = |s: &&Placed| {
        words[s.last_word + 1..trigger.word].iter().any(|w| syntax.clause_breaks.contains(w.lower()))
    };
    let same_side = |a: &Placed, b: &Placed| {
        let (a, b) = (&actors[a.mention.actor], &actors[b.mention.actor]);
        a.id == b.id || a.member_of.as_ref() == Some(&b.id) || b.member_of.as_ref() == Some(&a.id)
    };
    let target = target
        .or(subject.filter(|s| before.is_some_and(|agent| !same_side(agent, s))).filter(|s| !coordinated(s)));
    let source: Vec<Placed> = source.into_iter().copied().collect();
    let target: Vec<Placed> =
        target.into_iter().filter(|t| !source.iter().any(|s| s.word == t.word)).copied().collect();
    (source, target)
}

/// The subject of a second main clause joined to the first by a
/// coordinator before `trigger` ("Frankreich beendete seinen Einsatz in Mali
/// und Großbritannien kündigte einen Truppenabzug an"): the first bare
/// mention after the last coordinator between the first clause's subject
/// (at `first` in `in_clause`) and the trigger. Between the last bare
/// mention before the coordinator and the coordinator there must stand a
/// word of the first clause, lower case and no function word (its verb
/// "beendete"); else the coordinator only joins names ("Trump and the
/// previous Congress could not reach an agreement", "die Ukraine und
/// Russland").
fn second_subject(
    view: &SentenceView,
    in_clause: &[Placed],
    first: usize,
    trigger: &Trigger,
) -> Option<usize> {
    let SentenceView { words, syntax, .. } = *view;
    let bare = |p: &Placed| preposition_before(words, p.word, syntax).is_none();
    let opening = in_clause.get(first)?.last_word + 1;
    let coordinator =
        (opening..trigger.word).rev().find(|&at| syntax.coordinators.contains(words[at].lower()))?;
    let last_before = in_clause.iter().rev().find(|p| p.last_word < coordinator && bare(p))?;
    let own_word = |word: &Token| {
        word.text.starts_with(char::is_alphabetic)
            && !text::is_capitalised(word.text)
            && !syntax.is_function_word(word.lower())
    };
    if !words[last_before.last_word + 1..coordinator].iter().any(own_word) {
        return None;
    }
    (first + 1..in_clause.len()).find(|&at| {
        let p = &in_clause[at];
        p.word > coordinator && p.last_word < trigger.word && bare(p)
    })
}

fn date_event(
    event: &mut Event,
    dates: &[Tagged],
    sentence: Span,
    words: &[Token],
    clauses: &[usize],
    trigger: &Trigger,
    syntax: &Syntax,
) {
    let trigger_offset = words[trigger.word].span.0;
    // The dates are in text order: those of the sentence stand together.
    let here = &dates[dates.partition_point(|d| d.mention.span.0 < sentence.0)..];
    let candidates: Vec<(&Tagged, Point)> = here
        .iter()
        .take_while(|d| d.mention.span.0 < sentence.1)
        .filter(|d| sentence.contains(d.mention.span))
        .filter_map(|d| Some((d, d.point?.event_point()?)))
        .collect();
    let clause_of = |d: &Tagged| word_at(words, d.mention.span.0).map(|w| clauses[w]);
    let distance = |d: &Tagged| d.mention.span.0.abs_diff(trigger_offset);
    let in_content_clause = words
        .iter()
        .zip(clauses)
        .find(|(_, &c)| c == trigger.clause)
        .is_some_and(|(w, _)| syntax.complementizers.contains(w.lower()));
    let same_clause = candidates
        .iter()
        .filter(|(d, _)| clause_of(d) == Some(trigger.clause))
        .min_by_key(|(d, _)| distance(d));
    let best = if in_content_clause {
        same_clause
    } else {
        same_clause.or_else(|| candidates.iter().min_by_key(|(d, _)| distance(d)))
    };
    if let Some((date, point)) = best {
        event.when = Some(point.value());
        event.precision = Some(point.precision);
        event.when_modifier = date.mention.modifier;
        event.when_inferred = date.mention.anchor != crate::model::DateAnchor::Stated;
        event.time_span = Some(date.mention.span);
    }
}

#[cfg(test)]
mod tests;
