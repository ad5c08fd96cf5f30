//! Finding again what a correction is about, in an analysis that may have
//! moved the text: a passage by its text (where it was, else its nearest
//! occurrence), an event by its [`EventKey`], a mention by its [`MentionKey`].

use super::{EventKey, MentionKey};
use lagebild_core::{Briefing, Span};

/// Where `content`, last seen at `span`, stands in `text` now.
pub(crate) fn passage(text: &str, span: Span, content: &str) -> Option<Span> {
    if text.get(span.start()..span.end()) == Some(content) {
        return Some(span);
    }
    if content.is_empty() {
        return None;
    }
    text.match_indices(content)
        .map(|(at, _)| Span(at, at + content.len()))
        .min_by_key(|found| found.start().abs_diff(span.start()))
}

/// Moves `span` by as much as `from` moved to `to`.
pub(crate) fn shifted(span: Span, from: Span, to: Span) -> Option<Span> {
    let start = (span.start() + to.start()).checked_sub(from.start())?;
    let end = (span.end() + to.start()).checked_sub(from.start())?;
    Some(Span(start, end))
}

/// The index of the event `key` names, or why there is none.
pub(crate) fn event(briefing: &Briefing, key: &EventKey) -> Result<usize, String> {
    let sentence = passage(&briefing.text, key.sentence_span, &key.sentence)
        .ok_or_else(|| "its sentence is no longer in the article".to_string())?;
    let trigger = shifted(key.trigger_span, key.sentence_span, sentence)
        .filter(|t| briefing.text.get(t.start()..t.end()) == Some(key.trigger.as_str()))
        .ok_or_else(|| format!("{:?} is no longer in its sentence", key.trigger))?;
    let on_trigger: Vec<usize> =
        (0..briefing.events.len()).filter(|&i| briefing.events[i].trigger_span == trigger).collect();
    let same_type: Vec<usize> =
        on_trigger.iter().copied().filter(|&i| briefing.events[i].event_type == key.event_type).collect();
    let same_actors = |i: &&usize| {
        let e = &briefing.events[**i];
        e.sources == key.sources && e.targets == key.targets
    };
    match (on_trigger.as_slice(), same_type.as_slice()) {
        ([], _) => Err(format!("the analysis finds no event at {:?} any more", key.trigger)),
        ([only], []) => Ok(*only),
        (_, []) => Err(format!("several events stand at {:?}, none of the type it had", key.trigger)),
        (_, candidates) => Ok(*candidates.iter().find(same_actors).unwrap_or(&candidates[0])),
    }
}

/// The span of the mention `key` names among `mentions`, if it is one of them.
pub(crate) fn mention(text: &str, mentions: &[Span], key: &MentionKey) -> Option<Span> {
    if mentions.contains(&key.span) && text.get(key.span.start()..key.span.end()) == Some(key.text.as_str()) {
        return Some(key.span);
    }
    mentions
        .iter()
        .copied()
        .filter(|m| text.get(m.start()..m.end()) == Some(key.text.as_str()))
        .min_by_key(|m| m.start().abs_diff(key.span.start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passage_is_found_where_it_was_or_nearest() {
        let text = "Alpha. Beta. Alpha.";
        assert_eq!(passage(text, Span(13, 19), "Alpha."), Some(Span(13, 19)));
        assert_eq!(passage(text, Span(12, 18), "Alpha."), Some(Span(13, 19)));
        assert_eq!(passage(text, Span(2, 8), "Alpha."), Some(Span(0, 6)));
        assert_eq!(passage(text, Span(0, 5), "Gamma"), None);
        assert_eq!(passage(text, Span(0, 0), ""), Some(Span(0, 0)));
        assert_eq!(passage(text, Span(50, 50), ""), None);
    }

    #[test]
    fn spans_shift_with_their_sentence() {
        assert_eq!(shifted(Span(12, 15), Span(10, 20), Span(30, 40)), Some(Span(32, 35)));
        assert_eq!(shifted(Span(32, 35), Span(30, 40), Span(10, 20)), Some(Span(12, 15)));
        assert_eq!(shifted(Span(1, 2), Span(5, 6), Span(0, 1)), None);
    }

    #[test]
    fn mentions_are_matched_by_span_then_text() {
        let text = "Kim met Kim.";
        let mentions = [Span(0, 3), Span(8, 11)];
        let key = MentionKey { span: Span(8, 11), text: "Kim".into() };
        assert_eq!(mention(text, &mentions, &key), Some(Span(8, 11)));
        let moved = MentionKey { span: Span(9, 12), text: "Kim".into() };
        assert_eq!(mention(text, &mentions, &moved), Some(Span(8, 11)));
        let gone = MentionKey { span: Span(0, 3), text: "Putin".into() };
        assert_eq!(mention(text, &mentions, &gone), None);
    }
}
