//! Actor recognition and resolution: which states, organisations, people and
//! groups an article names, under one stable id each, and where.
//!
//! Known actors come from the gazetteer (see [`gazetteer`]); people who are
//! not in it are found by the role before their name (see [`people`]). A
//! capital or seat after a locative preposition ("in Pjöngjang") is a place,
//! not the government acting, and is not counted as a mention; a state named
//! as a place stays an actor but its mention is marked so that events do not
//! take it as a participant. A definite description that refers back to a
//! state ("das Land", "the Middle Eastern nation") counts as one more mention
//! of it (see [`descriptions`]).

mod descriptions;
mod endings;
mod gazetteer;
mod organizations;
mod people;
pub(crate) use people::is_role_word;
mod tails;

use crate::model::{Actor, ActorKind, Language, Span};
use crate::sentence_words::SentenceWords;
use crate::syntax::Syntax;
pub(crate) use gazetteer::FormRole;
use gazetteer::Gazetteer;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// One mention as the later stages see it.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRef {
    /// Index into [`Recognised::actors`].
    pub actor: usize,
    /// Where it stands (bytes).
    pub span: Span,
    /// How it names the actor.
    pub role: FormRole,
    /// Whether it is used as a place ("in der Ukraine").
    pub place: bool,
}

/// The actors of an article and all their mentions, in text order.
#[derive(Debug, Clone, Default)]
pub struct Recognised {
    pub actors: Vec<Actor>,
    pub mentions: Vec<MentionRef>,
}

/// An actor under construction.
struct Draft {
    id: String,
    name: String,
    kind: ActorKind,
    member_of: Option<String>,
    aliases: Vec<String>,
}

/// Collects drafts and mentions, one draft per id.
#[derive(Default)]
struct Collector {
    drafts: Vec<Draft>,
    by_id: FxHashMap<String, usize>,
    mentions: Vec<MentionRef>,
    /// Where each mention starts: index into `mentions`. Mentions never
    /// overlap, so the one before a place is the only one that can reach it.
    by_start: BTreeMap<usize, usize>,
}

impl Collector {
    fn actor(&mut self, id: &str, name: &str, kind: ActorKind, member_of: Option<String>) -> usize {
        if let Some(&i) = self.by_id.get(id) {
            return i;
        }
        self.drafts.push(Draft {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            member_of,
            aliases: Vec::new(),
        });
        self.by_id.insert(id.to_string(), self.drafts.len() - 1);
        self.drafts.len() - 1
    }

    fn mention(&mut self, actor: usize, span: Span, alias: &str, role: FormRole, place: bool) {
        if self.overlapping(span).is_some() {
            return;
        }
        let aliases = &mut self.drafts[actor].aliases;
        if !aliases.iter().any(|a| a == alias) {
            aliases.push(alias.to_string());
        }
        self.push(actor, span, role, place);
    }

    /// A mention that does not name the actor ("das Land" for Mali): it
    /// counts where it stands but adds no alias.
    fn refer(&mut self, actor: usize, span: Span, role: FormRole, place: bool) {
        if self.overlapping(span).is_some() {
            return;
        }
        self.push(actor, span, role, place);
    }

    /// Adds a mention that overlaps none.
    fn push(&mut self, actor: usize, span: Span, role: FormRole, place: bool) {
        self.by_start.insert(span.0, self.mentions.len());
        self.mentions.push(MentionRef { actor, span, role, place });
    }

    /// The mention that overlaps `span`, if one does.
    fn overlapping(&self, span: Span) -> Option<&MentionRef> {
        let (_, &i) = self.by_start.range(..span.1).next_back()?;
        let mention = &self.mentions[i];
        mention.span.overlaps(span).then_some(mention)
    }

    /// The mentions that start in `range`, in text order.
    fn starting_in(&self, range: std::ops::Range<usize>) -> impl DoubleEndedIterator<Item = &MentionRef> {
        self.by_start.range(range).map(|(_, &i)| &self.mentions[i])
    }

    fn known(&mut self, gazetteer: &Gazetteer, index: usize) -> usize {
        let known = &gazetteer.actors[index];
        // The parent's id is copied only for an actor not seen before.
        if let Some(&i) = self.by_id.get(&known.id) {
            return i;
        }
        self.actor(&known.id, &known.name, known.kind, known.member_of.clone())
    }

    fn finish(mut self, gazetteer: &Gazetteer) -> Recognised {
        // A person or sub-body is drawn with the actor it acts for, so that
        // actor joins the briefing even when the text does not name it.
        let mut i = 0;
        while i < self.drafts.len() {
            if let Some(parent) = self.drafts[i].member_of.clone() {
                if !self.by_id.contains_key(&parent) {
                    match gazetteer.index(&parent) {
                        Some(index) => {
                            self.known(gazetteer, index);
                        }
                        None => self.drafts[i].member_of = None,
                    }
                }
            }
            i += 1;
        }
        self.mentions.sort_by_key(|m| m.span);
        let mut actors: Vec<Actor> = self
            .drafts
            .into_iter()
            .map(|d| Actor {
                id: d.id,
                name: d.name,
                kind: d.kind,
                aliases: d.aliases,
                member_of: d.member_of,
                mentions: Vec::new(),
            })
            .collect();
        for m in &self.mentions {
            actors[m.actor].mentions.push(m.span);
        }
        Recognised { actors, mentions: self.mentions }
    }
}

/// Finds the actors of a text.
pub fn recognise(text: &str, sentences: &[Span], language: Language) -> Recognised {
    recognise_in(text, sentences, &SentenceWords::cut(text, sentences), language)
}

/// Finds the actors of a text whose sentences' words are cut already.
pub(crate) fn recognise_in(
    text: &str,
    sentences: &[Span],
    sentence_words: &SentenceWords,
    language: Language,
) -> Recognised {
    let gazetteer = Gazetteer::get(language);
    let syntax = Syntax::get(language);
    let mut collector = Collector::default();
    let mut shorts = Vec::new();
    for (pattern, span) in gazetteer.find_words(text) {
        let form = &gazetteer.forms[pattern];
        if form.role == FormRole::Short {
            shorts.push((form.actor, span, form.base.clone()));
            continue;
        }
        let known = &gazetteer.actors[form.actor];
        let place = match (form.role, known.kind) {
            (FormRole::Seat, _) => {
                after_preposition(text, span.0, syntax, &[&syntax.locative, &syntax.destination])
            }
            (FormRole::Name, ActorKind::State) => {
                after_preposition(text, span.0, syntax, &[&syntax.locative])
            }
            _ => false,
        };
        let ruler = match (form.role, known.kind) {
            (FormRole::Name | FormRole::Seat, ActorKind::State) => gazetteer.ruler_before(text, span.0),
            _ => None,
        };
        if let Some((start, junta)) = ruler {
            // "die Regierung in Kiew" is the state acting, "den
            // Militärmachthabern in Mali" its junta.
            let index =
                if junta { gazetteer.index(&format!("{}_junta", known.id)) } else { Some(form.actor) };
            if let Some(index) = index {
                let actor = collector.known(gazetteer, index);
                collector.mention(actor, Span(start, span.1), &text[start..span.1], FormRole::Name, false);
                continue;
            }
        }
        if place && form.role == FormRole::Seat {
            continue;
        }
        let actor = collector.known(gazetteer, form.actor);
        collector.mention(actor, span, &form.base, form.role, place);
    }
    people::find(text, sentence_words, language, gazetteer, &mut collector);
    organizations::find(text, sentence_words, language, gazetteer, &mut collector);
    organizations::find_introduced(text, sentence_words, language, &mut collector);
    // Surnames alone count once the full name has appeared.
    for (index, span, base) in shorts {
        let id = &gazetteer.actors[index].id;
        if let Some(&actor) = collector.by_id.get(id) {
            collector.mention(actor, span, &base, FormRole::Short, false);
        }
    }
    descriptions::resolve(text, sentences, sentence_words, language, &mut collector);
    collector.finish(gazetteer)
}

/// Whether the word before `at` is in one of `classes`, skipping articles
/// and adjectives ("in Mali", "im westafrikanischen Mali", "in northern Syria").
fn after_preposition(
    text: &str,
    at: usize,
    syntax: &Syntax,
    classes: &[&rustc_hash::FxHashSet<String>],
) -> bool {
    let before = &text[..at];
    let words = before.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    for word in words.take(4) {
        let lower = word.to_lowercase();
        if classes.iter().any(|class| class.contains(&lower)) {
            return true;
        }
        let adjective = word.starts_with(char::is_lowercase) && syntax.looks_adjectival(&lower);
        if !syntax.articles.contains(&lower) && !adjective {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests;
