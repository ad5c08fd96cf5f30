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

/// Who a sentence says is responsible, and where the phrase saying so
/// starts: the actor before a phrase like "claimed responsibility" (in
/// German also right after it: "bekannte sich die Gruppe"), or the one
/// after "ascribed to" (in German the one before "zugeschrieben").
pub(super) fn claimant(
    sentence: &str,
    offset: usize,
    mentions: &[Mentioned],
    language: Language,
    syntax: &Syntax,
) -> Option<(usize, String)> {
    let lower = sentence.to_lowercase();
    let find = |phrases: &[String]| {
        phrases
            .iter()
            .filter_map(|p| lower.find(p.as_str()).map(|at| (offset + at, offset + at + p.len())))
            .min()
    };
    // "The Islamic State, which is linked to the Abu Sayyaf Group, claimed
    // responsibility": the subject, not the actor of a phrase in between.
    let before = |at: usize| mentions.iter().rev().find(|m| m.span.1 <= at && m.bare).map(|m| m.id.clone());
    let after = |end: usize| mentions.iter().find(|m| m.span.0 >= end).map(|m| m.id.clone());
    if let Some((at, end)) = find(&syntax.responsibility.claimed_by_subject) {
        let who = match language {
            Language::En => before(at),
            Language::De => before(at).or_else(|| after(end)),
        };
        return who.map(|id| (at, id));
    }
    let (at, end) = find(&syntax.responsibility.claimed_by_object)?;
    let who = match language {
        Language::En => after(end),
        Language::De => before(at),
    };
    who.map(|id| (at, id))
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
