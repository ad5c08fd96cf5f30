//! What the analyst's corrections touched, for the marks of the view:
//! hidden actors and events (kept in the view, so that they can be shown
//! again, with the correction that hides each), events changed by hand, and
//! actors renamed, merged into or split off.
//!
//! The dossier file lists the corrections in force as one-line
//! descriptions ([`CorrectionInfo::what`]) and logs every change with the
//! same description and the changed thing before and after. So each
//! correction in force is paired with the newest audit line that made it:
//! same description, same scope (one article or the whole dossier) and, for
//! an event, an article whose corrected analysis fits the logged event.

use lagebild_core::Event;
use lagebild_dossier::{ActorInfo, ArticleId, AuditEntry, CorrectedArticle, CorrectionId, CorrectionInfo};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashSet;

use super::contract::Origin;

/// An actor the analyst hid.
#[derive(Debug, Clone, PartialEq)]
pub struct HiddenActor {
    /// The actor as it was when hidden.
    pub info: ActorInfo,
    /// The correction that hides it.
    pub correction: CorrectionId,
}

/// An event the analyst hid.
#[derive(Debug, Clone, PartialEq)]
pub struct HiddenEvent {
    /// Its article.
    pub article: ArticleId,
    /// The event as it was when hidden (spans in UTF-8 bytes).
    pub event: Event,
    /// The correction that hides it.
    pub correction: CorrectionId,
}

/// The marks the corrections in force put on events and actors.
#[derive(Debug, Default)]
pub struct Marks {
    /// Hidden actors, newest first.
    pub hidden_actors: Vec<HiddenActor>,
    /// Hidden events, newest first.
    pub hidden_events: Vec<HiddenEvent>,
    corrected_events: HashSet<(ArticleId, String)>,
    corrected_actors: HashSet<String>,
    added_actors: HashSet<String>,
}

impl Marks {
    /// Pairs the corrections in force with the audit lines that made them.
    pub fn read(
        corrections: &[CorrectionInfo],
        audit: &[AuditEntry],
        articles: &[CorrectedArticle],
    ) -> Marks {
        let mut unpaired: Vec<&CorrectionInfo> = corrections.iter().collect();
        let mut take = |entry: &AuditEntry, article_fits: &dyn Fn(Option<ArticleId>) -> bool| {
            let at = unpaired.iter().position(|c| c.what == entry.what && article_fits(c.article))?;
            Some(unpaired.remove(at))
        };
        let dossier_wide = |article: Option<ArticleId>| article.is_none();
        let mut marks = Marks::default();
        for entry in audit.iter().rev() {
            match entry.action.as_str() {
                "hide_actor" => {
                    let Some(info) = parse::<ActorInfo>(entry.before.as_ref()) else { continue };
                    if let Some(c) = take(entry, &dossier_wide) {
                        marks.hidden_actors.push(HiddenActor { info, correction: c.id });
                    }
                }
                "hide_event" => {
                    let Some(event) = parse::<Event>(entry.before.as_ref()) else { continue };
                    let fits = |article: Option<ArticleId>| {
                        article.is_some_and(|a| hides_here(articles, a, &event, &entry.what))
                    };
                    if let Some(c) = take(entry, &fits) {
                        let article = c.article.unwrap_or(ArticleId(0));
                        marks.hidden_events.push(HiddenEvent { article, event, correction: c.id });
                    }
                }
                "edit_event" => {
                    let Some(event) = parse::<Event>(entry.after.as_ref()) else { continue };
                    let fits =
                        |article: Option<ArticleId>| article.is_some_and(|a| holds(articles, a, &event));
                    if let Some(c) = take(entry, &fits) {
                        if let Some(article) = c.article {
                            marks.corrected_events.insert((article, event.id.clone()));
                        }
                    }
                }
                "rename_actor" => {
                    let Some(info) = parse::<ActorInfo>(entry.before.as_ref()) else { continue };
                    if take(entry, &dossier_wide).is_some() {
                        marks.corrected_actors.insert(info.id);
                    }
                }
                "merge_actors" => {
                    let Some([_, kept]) = parse::<[ActorInfo; 2]>(entry.before.as_ref()) else { continue };
                    if take(entry, &dossier_wide).is_some() {
                        marks.corrected_actors.insert(kept.id);
                    }
                }
                "split_actor" => {
                    let (Some(old), Some(new)) =
                        (parse::<ActorInfo>(entry.before.as_ref()), parse::<ActorInfo>(entry.after.as_ref()))
                    else {
                        continue;
                    };
                    if take(entry, &|article: Option<ArticleId>| article.is_some()).is_some() {
                        marks.corrected_actors.insert(old.id);
                        marks.added_actors.insert(new.id);
                    }
                }
                _ => {}
            }
        }
        marks
    }

    /// Where an event of an article's corrected analysis comes from.
    pub fn event_origin(&self, article: ArticleId, event: &str) -> Origin {
        if is_added_by_hand(event) {
            Origin::Manual
        } else if self.corrected_events.contains(&(article, event.to_owned())) {
            Origin::Corrected
        } else {
            Origin::Machine
        }
    }

    /// Where an actor comes from.
    pub fn actor_origin(&self, actor: &str) -> Origin {
        if self.added_actors.contains(actor) {
            Origin::Manual
        } else if self.corrected_actors.contains(actor) {
            Origin::Corrected
        } else {
            Origin::Machine
        }
    }
}

/// Events added by hand have the id `m` and their correction's number.
fn is_added_by_hand(event: &str) -> bool {
    event.strip_prefix('m').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn parse<T: DeserializeOwned>(value: Option<&Value>) -> Option<T> {
    value.and_then(|v| T::deserialize(v).ok())
}

fn article(articles: &[CorrectedArticle], id: ArticleId) -> Option<&CorrectedArticle> {
    articles.iter().find(|a| a.id == id)
}

/// Whether `event`, hidden by the correction described as `what`, was an
/// event of article `id`: its trigger stands there, named in the
/// description, and the corrected analysis no longer has it.
fn hides_here(articles: &[CorrectedArticle], id: ArticleId, event: &Event, what: &str) -> bool {
    let Some(a) = article(articles, id) else { return false };
    let b = &a.briefing;
    let Some(trigger) = b.text.get(event.trigger_span.start()..event.trigger_span.end()) else {
        return false;
    };
    what.contains(&format!("{trigger:?}"))
        && !b.events.iter().any(|e| e.id == event.id && e.trigger_span == event.trigger_span)
}

/// Whether article `id`'s corrected analysis has `event` (same id, same trigger).
fn holds(articles: &[CorrectedArticle], id: ArticleId, event: &Event) -> bool {
    article(articles, id).is_some_and(|a| {
        a.briefing.events.iter().any(|e| e.id == event.id && e.trigger_span == event.trigger_span)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_m_and_a_number_is_an_event_added_by_hand() {
        for (id, manual) in [("m12", true), ("m", false), ("e3", false), ("m1x", false), ("mm1", false)] {
            assert_eq!(is_added_by_hand(id), manual, "{id}");
        }
    }
}
