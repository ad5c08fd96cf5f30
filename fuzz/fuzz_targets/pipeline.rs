//! The whole engine: any bytes in, a briefing or an error out; never a
//! panic. An accepted briefing's spans must lie on character boundaries of
//! its text, in both offset units.
#![no_main]

use lagebild_core::{analyse_bytes, Briefing, Options, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(briefing) = analyse_bytes(bytes, &Options::default()) {
        check_spans(&briefing);
        let units = briefing.text.encode_utf16().count();
        let utf16 = briefing.into_utf16_offsets();
        assert!(
            utf16.sentences.iter().all(|s| s.0 <= s.1 && s.1 <= units),
            "UTF-16 sentence span outside the text"
        );
    }
});

fn check_spans(briefing: &Briefing) {
    let text = &briefing.text;
    let on_text = |s: &Span| {
        s.0 <= s.1 && s.1 <= text.len() && text.is_char_boundary(s.0) && text.is_char_boundary(s.1)
    };
    assert!(briefing.sentences.iter().all(on_text), "sentence span off the text");
    assert!(briefing.actors.iter().flat_map(|a| &a.mentions).all(on_text), "mention span off the text");
    assert!(briefing.dates.iter().map(|d| &d.span).all(on_text), "date span off the text");
    for event in &briefing.events {
        assert!(on_text(&event.trigger_span) && on_text(&event.sentence_span), "event span off the text");
        assert!(event.time_span.as_ref().is_none_or(on_text), "event time span off the text");
    }
}
