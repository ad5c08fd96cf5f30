//! A dossier's life: create, add, correct, undo and redo, analyse again,
//! save as, reopen; and the corrected briefings fed to the engine's merge.

use crate::common::{analyse, dossier_with, sample_text, scratch, ENGLISH, GERMAN};
use lagebild_core::{Briefing, Document, EventType, Modality, OffsetUnit, Span};
use lagebild_dossier::{
    analyse_again, ArticleId, CorrectedArticle, Dossier, Edit, EventChange, NewEvent, Source, ENGINE_VERSION,
};

fn article(dossier: &Dossier, id: ArticleId) -> CorrectedArticle {
    dossier.corrected_briefings().unwrap().articles.into_iter().find(|a| a.id == id).expect("article present")
}

/// The id of the first event with this trigger.
fn event_id(b: &Briefing, trigger: &str) -> String {
    b.events
        .iter()
        .find(|e| e.trigger == trigger)
        .unwrap_or_else(|| panic!("no event {trigger:?}"))
        .id
        .clone()
}

/// The span of the `nth` occurrence of `word` in the text.
fn span_of(b: &Briefing, word: &str, nth: usize) -> Span {
    let at = b.text.match_indices(word).nth(nth).unwrap_or_else(|| panic!("no {word:?}")).0;
    Span(at, at + word.len())
}

/// The sentence around a span.
fn sentence_of(b: &Briefing, span: Span) -> Span {
    *b.sentences.iter().find(|s| s.contains(span)).expect("in a sentence")
}

#[test]
fn what_is_added_is_there_after_reopening() {
    let dir = scratch("reopen");
    let path = dir.join("two.lagebild");
    let dossier = dossier_with(&path, &[ENGLISH, GERMAN]);
    dossier.close().unwrap();
    let dossier = Dossier::open(&path).unwrap();
    let articles = dossier.articles().unwrap();
    assert_eq!(articles.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), [ENGLISH, GERMAN]);
    assert_eq!(articles[1].language, "de");
    assert_eq!(articles[0].engine, ENGINE_VERSION);
    assert_eq!(dossier.source(articles[0].id).unwrap(), Source::Text(sample_text(ENGLISH)));
    let corrected = dossier.corrected_briefings().unwrap();
    assert!(corrected.orphans.is_empty());
    assert_eq!(corrected.articles[0].briefing.events, analyse(&sample_text(ENGLISH)).events);
    let err = Dossier::create(&path).expect_err("created over a file");
    assert_eq!(err.code(), "already_exists");
}

#[test]
fn articles_are_refused_when_they_cannot_be_stored_right() {
    let dir = scratch("bad-articles");
    let mut dossier = Dossier::create(dir.join("d.lagebild")).unwrap();
    let text = sample_text(ENGLISH);
    let briefing = analyse(&text);
    let err = dossier.add_article("  ", Source::Text(text.clone()), &briefing).unwrap_err();
    assert_eq!(err.code(), "bad_edit");
    let converted = briefing.clone().into_utf16_offsets();
    let err = dossier.add_article("a.txt", Source::Text(text), &converted).unwrap_err();
    assert_eq!(err.code(), "bad_edit", "{err}");
    assert!(dossier.articles().unwrap().is_empty());
    let err = dossier.remove_article(ArticleId(42)).unwrap_err();
    assert_eq!(err.code(), "unknown_article");
}

/// Every kind of correction, made on the English sample; returns the
/// article and the hand-added event's trigger.
fn correct_everything(dossier: &mut Dossier, id: ArticleId) {
    let b = article(dossier, id).briefing;
    let supplied = event_id(&b, "supplied");
    let change = EventChange {
        when: Some(Some("2023-09".into())),
        modality: Some(Modality::Reported),
        ..EventChange::default()
    };
    dossier.edit(Edit::EditEvent { article: id, event: supplied, change }).unwrap();
    // The first "war" is the headline's.
    dossier.edit(Edit::HideEvent { article: id, event: event_id(&b, "war") }).unwrap();
    dossier.edit(Edit::RenameActor { actor: "north_korea".into(), name: "DPRK".into() }).unwrap();
    dossier.edit(Edit::MergeActors { from: "kpa".into(), into: "north_korea".into() }).unwrap();
    let trigger = span_of(&b, "asked", 0);
    let event = NewEvent {
        when: Some("2024-10".into()),
        precision: None,
        when_modifier: None,
        sources: vec!["russia".into()],
        targets: vec!["north_korea".into()],
        mutual: false,
        event_type: EventType::Request,
        quad: None,
        modality: Modality::Speculative,
        trigger_span: trigger,
        sentence_span: sentence_of(&b, trigger),
    };
    dossier.edit(Edit::AddEvent { article: id, event }).unwrap();
    let putin = b.actors.iter().find(|a| a.id == "vladimir_putin").expect("Putin");
    let last = *putin.mentions.last().expect("mentioned");
    dossier
        .edit(Edit::SplitActor {
            article: id,
            actor: "vladimir_putin".into(),
            mentions: vec![last],
            name: "The Kremlin".into(),
            kind: lagebild_core::ActorKind::Organization,
        })
        .unwrap();
}

/// Checks what `correct_everything` did.
fn assert_corrected(b: &Briefing) {
    let supplied = b.events.iter().find(|e| e.trigger == "supplied").expect("supplied");
    assert_eq!((supplied.when.as_deref(), supplied.modality), (Some("2023-09"), Modality::Reported));
    let in_title = |e: &&lagebild_core::Event| {
        b.text[e.sentence_span.start()..e.sentence_span.end()].contains("chronology")
    };
    assert!(!b.events.iter().filter(in_title).any(|e| e.trigger == "war"), "the hidden event is back");
    let dprk = b.actors.iter().find(|a| a.id == "north_korea").expect("north_korea");
    assert_eq!(dprk.name, "DPRK");
    assert!(b.actors.iter().all(|a| a.id != "kpa"));
    assert!(b.events.iter().all(|e| !e.sources.contains(&"kpa".to_string())));
    let asked = b.events.iter().find(|e| e.id.starts_with('m')).expect("the hand-made event");
    assert_eq!(&b.text[asked.trigger_span.start()..asked.trigger_span.end()], "asked");
    assert_eq!((asked.event_type, asked.modality), (EventType::Request, Modality::Speculative));
    assert!(b.actors.iter().any(|a| a.id == "the_kremlin" && a.mentions.len() == 1));
    assert!(b.relations.is_empty() && b.escalation.is_empty());
}

#[test]
fn corrections_survive_a_newer_engine_that_moves_the_text() {
    let dir = scratch("reanalyse");
    let mut dossier = dossier_with(&dir.join("d.lagebild"), &[ENGLISH]);
    let id = dossier.articles().unwrap()[0].id;
    correct_everything(&mut dossier, id);
    assert_corrected(&article(&dossier, id).briefing);
    assert!(dossier.corrected_briefings().unwrap().orphans.is_empty());

    // A "newer engine" that keeps an editor's note the old one dropped:
    // every span after it moves.
    let note = "\n\nEditor's note: this chronology was checked in November.\n\nNorth Korea has supplied";
    let newer = |source: &Source, _: &Briefing| -> Result<Briefing, String> {
        let Source::Text(text) = source else { return Err("not text".into()) };
        Ok(analyse(&text.replacen("\n\nNorth Korea has supplied", note, 1)))
    };
    let report = dossier.reanalyse(newer).unwrap();
    assert_eq!((report.analysed, report.failed.len()), (1, 0));
    assert!(report.orphans.is_empty(), "{:?}", report.orphans);
    let b = article(&dossier, id).briefing;
    assert!(b.text.contains("Editor's note"));
    assert_corrected(&b);

    // An engine that loses a sentence orphans its corrections, which are
    // kept and apply again once the sentence is back.
    let forgetful = |source: &Source, _: &Briefing| -> Result<Briefing, String> {
        let Source::Text(text) = source else { return Err("not text".into()) };
        Ok(analyse(&text.replace("North Korea has supplied Russia", "Someone has sold Russia")))
    };
    let report = dossier.reanalyse(forgetful).unwrap();
    assert_eq!(report.orphans.len(), 1, "{:?}", report.orphans);
    assert!(report.orphans[0].what.contains("supplied"), "{:?}", report.orphans);
    assert_eq!(dossier.corrections().unwrap().len(), 6);
    let report = dossier.reanalyse(analyse_again).unwrap();
    assert!(report.orphans.is_empty());
    assert_corrected(&article(&dossier, id).briefing);

    // A failing analysis keeps the old one and says so.
    let report = dossier.reanalyse(|_: &Source, _: &Briefing| Err::<Briefing, _>("engine stopped")).unwrap();
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].2, "engine stopped");
    assert_corrected(&article(&dossier, id).briefing);
}

#[test]
fn undo_and_redo_walk_back_and_forth_and_survive_reopening() {
    let dir = scratch("undo");
    let path = dir.join("d.lagebild");
    let mut dossier = dossier_with(&path, &[ENGLISH]);
    let id = dossier.articles().unwrap()[0].id;
    dossier.edit(Edit::RenameActor { actor: "russia".into(), name: "Russian Federation".into() }).unwrap();
    dossier.edit(Edit::HideActor { actor: "china".into() }).unwrap();
    let name_of = |d: &Dossier, actor: &str| {
        article(d, id).briefing.actors.iter().find(|a| a.id == actor).map(|a| a.name.clone())
    };
    assert_eq!(name_of(&dossier, "china"), None);
    assert_eq!(dossier.undo().unwrap().as_deref(), Some("hide actor china"));
    assert_eq!(name_of(&dossier, "china").as_deref(), Some("China"));
    assert_eq!(dossier.undo().unwrap().as_deref(), Some("rename actor russia to \"Russian Federation\""));
    assert_eq!(name_of(&dossier, "russia").as_deref(), Some("Russia"));
    assert_eq!(dossier.redo().unwrap().as_deref(), Some("rename actor russia to \"Russian Federation\""));
    dossier.close().unwrap();

    let mut dossier = Dossier::open(&path).unwrap();
    assert_eq!(name_of(&dossier, "russia").as_deref(), Some("Russian Federation"));
    let history = dossier.history().unwrap();
    assert_eq!(history.redo.as_deref(), Some("hide actor china"));
    assert_eq!(dossier.redo().unwrap().as_deref(), Some("hide actor china"));
    assert_eq!(dossier.redo().unwrap(), None);
    // Undo goes all the way back to the empty dossier, and no further.
    while dossier.undo().unwrap().is_some() {}
    assert!(dossier.articles().unwrap().is_empty());
    assert!(dossier.corrections().unwrap().is_empty());
    assert_eq!(dossier.redo().unwrap().as_deref(), Some(format!("add article {ENGLISH:?}").as_str()));
    assert_eq!(dossier.articles().unwrap().len(), 1);

    let log = dossier.audit_log().unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "add_article",
            "rename_actor",
            "hide_actor",
            "undo",
            "undo",
            "redo",
            "redo",
            "undo",
            "undo",
            "undo",
            "redo"
        ]
    );
    let rename = &log[1];
    assert_eq!(rename.before.as_ref().unwrap()["name"], "Russia");
    assert_eq!(rename.after.as_ref().unwrap()["name"], "Russian Federation");
    let undo = &log[4];
    assert_eq!(undo.before, rename.after);
    assert_eq!(undo.after, rename.before);
    assert!(log.iter().all(|e| e.at.ends_with('Z') && e.at.len() == 24), "{:?}", log[0].at);
}

#[test]
fn a_removed_article_comes_back_with_its_corrections_until_it_is_forgotten() {
    let dir = scratch("remove");
    let path = dir.join("d.lagebild");
    let mut dossier = dossier_with(&path, &[ENGLISH, GERMAN]);
    let ids: Vec<ArticleId> = dossier.articles().unwrap().iter().map(|a| a.id).collect();
    let german = article(&dossier, ids[1]).briefing;
    dossier.edit(Edit::HideEvent { article: ids[1], event: event_id(&german, "Krieg") }).unwrap();
    dossier.remove_article(ids[1]).unwrap();
    assert_eq!(dossier.articles().unwrap().len(), 1);
    assert!(dossier.corrections().unwrap().is_empty());
    assert_eq!(
        dossier.edit(Edit::HideEvent { article: ids[1], event: "e1".into() }).unwrap_err().code(),
        "unknown_article"
    );
    dossier.undo().unwrap();
    assert_eq!(dossier.corrections().unwrap().len(), 1);
    assert!(article(&dossier, ids[1]).briefing.events.iter().all(|e| e.trigger != "Krieg"));

    // Undo the correction and the German article's addition: the article
    // stays in the file while redo can bring it back …
    dossier.undo().unwrap();
    dossier.undo().unwrap();
    assert_eq!(dossier.articles().unwrap().len(), 1);
    dossier.close().unwrap();
    let rows = || -> i64 {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row("SELECT count(*) FROM article", [], |r| r.get(0)).unwrap()
    };
    assert_eq!(rows(), 2);
    // … and is deleted for good once a new change empties the redo stack.
    let mut dossier = Dossier::open(&path).unwrap();
    dossier.edit(Edit::RenameActor { actor: "russia".into(), name: "RF".into() }).unwrap();
    assert_eq!(dossier.redo().unwrap(), None);
    dossier.close().unwrap();
    assert_eq!(rows(), 1);
}

#[test]
fn save_as_goes_on_in_the_copy_and_leaves_the_old_file_as_it_was() {
    let dir = scratch("save-as");
    let old = dir.join("old.lagebild");
    let new = dir.join("new.lagebild");
    let mut dossier = dossier_with(&old, &[ENGLISH]);
    dossier.save_as(&new).unwrap();
    assert_eq!(dossier.path(), new);
    dossier.edit(Edit::RenameActor { actor: "russia".into(), name: "RF".into() }).unwrap();
    dossier.save_as(&new).unwrap(); // onto itself: nothing to do
    dossier.close().unwrap();
    let old_corrections = Dossier::open(&old).unwrap().corrections().unwrap();
    assert!(old_corrections.is_empty());
    let reopened = Dossier::open(&new).unwrap();
    assert_eq!(reopened.corrections().unwrap().len(), 1);
    assert_eq!(reopened.history().unwrap().undo.as_deref(), Some("rename actor russia to \"RF\""));
    drop(reopened);
    assert_eq!(crate::common::listing(&dir), ["new.lagebild", "old.lagebild"]);

    // A journal beside the target means someone has it: it is not replaced.
    let mut dossier = Dossier::open(&old).unwrap();
    std::fs::write(dir.join("new.lagebild-wal"), b"").unwrap();
    let err = dossier.save_as(&new).unwrap_err();
    assert_eq!(err.code(), "target_in_use", "{err}");
    assert_eq!(dossier.path(), old);
    let err = dossier.save_as(&dir).unwrap_err();
    assert_eq!(err.code(), "not_a_file");
}

#[test]
fn corrected_briefings_feed_the_engine_merge() {
    let dir = scratch("merge");
    let mut dossier = dossier_with(&dir.join("d.lagebild"), &[ENGLISH, GERMAN]);
    dossier.edit(Edit::RenameActor { actor: "north_korea".into(), name: "DPRK".into() }).unwrap();
    let documents: Vec<Document> = dossier
        .corrected_briefings()
        .unwrap()
        .articles
        .into_iter()
        .map(|a| Document { name: a.name, briefing: a.briefing })
        .collect();
    let merged = lagebild_core::dossier::merge(&documents);
    let dprk = merged.actors.iter().find(|a| a.id == "north_korea").expect("merged actor");
    assert_eq!(dprk.name, "DPRK");
    assert_eq!(dprk.articles.len(), 2);
    assert!(!merged.relations.is_empty(), "the merge derives relations from the corrected events");
}

#[test]
fn an_article_kept_as_bytes_is_analysed_again_from_its_bytes() {
    let dir = scratch("bytes");
    let mut dossier = Dossier::create(dir.join("d.lagebild")).unwrap();
    // "Außenministerin" and quotes in Windows-1252.
    let text = sample_text(GERMAN);
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| match c {
            'ä' => 0xE4,
            'ö' => 0xF6,
            'ü' => 0xFC,
            'ß' => 0xDF,
            'Ä' => 0xC4,
            'Ö' => 0xD6,
            'Ü' => 0xDC,
            '„' => 0x84,
            '“' => 0x93,
            '–' => 0x96,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect();
    let briefing = lagebild_core::analyse_bytes(&bytes, &lagebild_core::Options::default()).unwrap();
    assert_eq!(briefing.offsets, OffsetUnit::Utf8);
    let id = dossier.add_article("alt.txt", Source::Bytes(bytes.clone()), &briefing).unwrap();
    assert_eq!(dossier.source(id).unwrap(), Source::Bytes(bytes));
    let report = dossier.reanalyse(analyse_again).unwrap();
    assert_eq!((report.analysed, report.failed.len()), (1, 0));
    assert_eq!(article(&dossier, id).briefing.events, briefing.events);
}

#[test]
fn a_dossier_can_move_between_threads() {
    fn send<T: Send>() {}
    send::<Dossier>();
}
