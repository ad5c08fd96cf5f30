//! The quad class and intensity of each event type, for events whose type
//! the analyst changes or sets. Read from the engine's own table
//! (`lagebild-core/data/events/types.json`), so the two never disagree.

use lagebild_core::{EventType, Quad};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(serde::Deserialize)]
struct Types {
    types: HashMap<EventType, Class>,
}

#[derive(serde::Deserialize)]
struct Class {
    quad: Quad,
    intensity: f32,
}

/// The engine's table, parsed once; empty should it not parse (the unit
/// test below makes sure it does).
fn table() -> &'static HashMap<EventType, Class> {
    static TABLE: OnceLock<HashMap<EventType, Class>> = OnceLock::new();
    TABLE.get_or_init(|| {
        serde_json::from_str::<Types>(include_str!("../../../lagebild-core/data/events/types.json"))
            .map(|t| t.types)
            .unwrap_or_default()
    })
}

/// The quad class and Goldstein intensity of a type.
pub(crate) fn class_of(event_type: EventType) -> Option<(Quad, f32)> {
    table().get(&event_type).map(|class| (class.quad, class.intensity))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_a_class() {
        let all = [
            EventType::Agree,
            EventType::Consult,
            EventType::Support,
            EventType::Request,
            EventType::Concede,
            EventType::Cooperate,
            EventType::Aid,
            EventType::Retreat,
            EventType::Investigate,
            EventType::Demand,
            EventType::Disapprove,
            EventType::Accuse,
            EventType::Reject,
            EventType::Threaten,
            EventType::Protest,
            EventType::Mobilize,
            EventType::Sanction,
            EventType::Coerce,
            EventType::Assault,
            EventType::Fight,
        ];
        for t in all {
            assert!(class_of(t).is_some(), "{t:?} has no class");
        }
        assert_eq!(class_of(EventType::Accuse).map(|c| c.0), Some(Quad::VerbalConflict));
    }
}
