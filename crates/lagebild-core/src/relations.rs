//! Relations and escalation: what the events add up to per actor pair and
//! per month, each figure explainable by the events behind it.
//!
//! Only events told as fact count (asserted or reported); speculative,
//! negated and planned ones do not. A mutual event counts in both directions.
//! Intensities are the Goldstein values of the events' types; the escalation
//! index of a month is the sum of the negated intensities of its dated
//! events, so conflict raises it and cooperation lowers it. Events dated
//! only to a year are left out of the monthly series rather than put on a
//! guessed month.

use crate::model::{EscalationPoint, Event, Modality, Precision, Quad, QuadCounts, Relation};
use std::collections::BTreeMap;

/// Whether an event is told as fact.
fn factual(event: &Event) -> bool {
    matches!(event.modality, Modality::Asserted | Modality::Reported)
}

/// The directed pairs an event stands for.
fn pairs(event: &Event) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in &event.sources {
        for t in event.targets.iter().filter(|t| *t != s) {
            out.push((s.clone(), t.clone()));
            if event.mutual {
                out.push((t.clone(), s.clone()));
            }
        }
    }
    out
}

fn count(counts: &mut QuadCounts, quad: Quad) {
    match quad {
        Quad::VerbalCooperation => counts.verbal_cooperation += 1,
        Quad::MaterialCooperation => counts.material_cooperation += 1,
        Quad::VerbalConflict => counts.verbal_conflict += 1,
        Quad::MaterialConflict => counts.material_conflict += 1,
    }
}

/// The month (`YYYY-MM`) an event is dated to, when it is dated that finely.
fn month_of(event: &Event) -> Option<String> {
    match (event.precision, event.when.as_deref()) {
        (Some(Precision::Day | Precision::Month), Some(when)) => when.get(..7).map(str::to_string),
        _ => None,
    }
}

/// The monthly escalation series of a set of events.
pub fn escalation<'e>(events: impl IntoIterator<Item = &'e Event>) -> Vec<EscalationPoint> {
    let mut months: BTreeMap<String, EscalationPoint> = BTreeMap::new();
    for event in events.into_iter().filter(|e| factual(e)) {
        let Some(month) = month_of(event) else { continue };
        let point = months.entry(month.clone()).or_insert_with(|| EscalationPoint {
            period: month,
            index: 0.0,
            events: Vec::new(),
        });
        point.index -= event.intensity;
        point.events.push(event.id.clone());
    }
    months.into_values().collect()
}

/// The relations of all actor pairs, in order of first event.
pub fn relations(events: &[Event]) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    for event in events.iter().filter(|e| factual(e)) {
        for (source, target) in pairs(event) {
            let at = match out.iter().position(|r| r.source == source && r.target == target) {
                Some(at) => at,
                None => {
                    out.push(Relation {
                        source,
                        target,
                        counts: QuadCounts::default(),
                        intensity: 0.0,
                        events: Vec::new(),
                        escalation: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            let relation = &mut out[at];
            count(&mut relation.counts, event.quad);
            relation.intensity += event.intensity;
            relation.events.push(event.id.clone());
        }
    }
    for relation in &mut out {
        let behind: Vec<&Event> = events.iter().filter(|e| relation.events.contains(&e.id)).collect();
        relation.escalation = escalation(behind);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventType, Span};

    fn event(id: &str, when: &str, precision: Precision, quad: Quad, intensity: f32, mutual: bool) -> Event {
        Event {
            id: id.into(),
            when: Some(when.into()),
            precision: Some(precision),
            when_modifier: None,
            when_inferred: false,
            sources: vec!["a".into()],
            targets: vec!["b".into()],
            mutual,
            event_type: EventType::Assault,
            quad,
            intensity,
            modality: Modality::Asserted,
            trigger: String::new(),
            trigger_span: Span(0, 0),
            time_span: None,
            sentence_span: Span(0, 0),
        }
    }

    #[test]
    fn pairs_add_up_their_events() {
        let mut negated = event("e3", "2024-06-02", Precision::Day, Quad::MaterialConflict, -9.0, false);
        negated.modality = Modality::Negated;
        let events = vec![
            event("e1", "2024-06-01", Precision::Day, Quad::MaterialConflict, -9.0, false),
            event("e2", "2024-06", Precision::Month, Quad::VerbalCooperation, 4.0, true),
            negated,
        ];
        let r = relations(&events);
        assert_eq!(r.len(), 2, "a→b and, for the mutual event, b→a");
        assert_eq!((r[0].source.as_str(), r[0].target.as_str()), ("a", "b"));
        assert_eq!(r[0].events, ["e1", "e2"]);
        assert_eq!(r[0].counts.material_conflict, 1);
        assert_eq!(r[0].counts.verbal_cooperation, 1);
        assert!((r[0].intensity - -5.0).abs() < 1e-6);
        assert_eq!(r[1].events, ["e2"]);
    }

    #[test]
    fn escalation_is_monthly_and_skips_years() {
        let events = vec![
            event("e1", "2024-06-01", Precision::Day, Quad::MaterialConflict, -9.0, false),
            event("e2", "2024-06", Precision::Month, Quad::VerbalCooperation, 4.0, false),
            event("e3", "2024", Precision::Year, Quad::MaterialConflict, -9.0, false),
            event("e4", "2024-08-03", Precision::Day, Quad::VerbalConflict, -2.0, false),
        ];
        let series = escalation(&events);
        let got: Vec<(&str, f32, usize)> =
            series.iter().map(|p| (p.period.as_str(), p.index, p.events.len())).collect();
        assert_eq!(got, [("2024-06", 5.0, 2), ("2024-08", 2.0, 1)]);
    }
}
