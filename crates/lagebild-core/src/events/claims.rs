//! Claims of responsibility: "The Taliban have claimed responsibility",
//! "Zu dem Anschlag bekannte sich die Gruppe X", "another attack ascribed to
//! the Taliban". The claimant becomes the source of the latest act of force
//! told without one, in its sentence or the ones just before. The phrases
//! are data (`responsibility` in `data/syntax/LANG.json`).

use crate::model::{Event, Language, Quad, Span};
use crate::syntax::Syntax;

/// How many sentences before the claim the act may have been told.
pub(super) const CLAIM_WINDOW_SENTENCES: usize = 2;

/// An actor named in the sentence of a claim.
pub(super) struct Mentioned {
    pub span: Span,
    pub id: String,
    /// Whether no preposition governs it: only such a one can be a subject.
    pub bare: bool,
}

/// A phrase of claiming in a sentence: where it starts and ends (bytes of
/// the text), and whether its subject claims ("claimed responsibility") or
/// the actor it names ("ascribed to").
pub(super) struct Claim {
    pub at: usize,
    end: usize,
    by_subject: bool,
}

/// The first phrase of claiming in a sentence (`lower`: the sentence in lower
/// case, which starts at `offset`), those claimed by their subject first.
pub(super) fn find(lower: &str, offset: usize, syntax: &Syntax) -> Option<Claim> {
    let responsibility = &syntax.responsibility;
    let (at, end, by_subject) = match responsibility.claimed_by_subject.first_in(lower) {
        Some((at, end)) => (at, end, true),
        None => responsibility.claimed_by_object.first_in(lower).map(|(at, end)| (at, end, false))?,
    };
    Some(Claim { at: offset + at, end: offset + end, by_subject })
}

impl Claim {
    /// Who the sentence says is responsible: the actor before a phrase like
    /// "claimed responsibility" (in German also right after it: "bekannte
    /// sich die Gruppe"), or the one after "ascribed to" (in German the one
    /// before "zugeschrieben").
    pub fn claimant(&self, mentions: &[Mentioned], language: Language) -> Option<String> {
        // "The Islamic State, which is linked to the Abu Sayyaf Group, claimed
        // responsibility": the subject, not the actor of a phrase in between.
        let before = || mentions.iter().rev().find(|m| m.span.1 <= self.at && m.bare).map(|m| m.id.clone());
        let after = || mentions.iter().find(|m| m.span.0 >= self.end).map(|m| m.id.clone());
        match (self.by_subject, language) {
            (true, Language::En) | (false, Language::De) => before(),
            (true, Language::De) => before().or_else(after),
            (false, Language::En) => after(),
        }
    }
}

/// Whether `event` is an act of force told without its source.
pub(super) fn unclaimed(event: &Event) -> bool {
    event.sources.is_empty() && event.quad == Quad::MaterialConflict
}

/// Makes `claimant` the source of `event` (it no longer counts as its
/// target).
pub(super) fn credit(event: &mut Event, claimant: &str) {
    event.targets.retain(|t| t != claimant);
    event.sources = vec![claimant.to_string()];
}
