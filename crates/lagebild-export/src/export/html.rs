//! The one-page HTML briefing: the articles, the three figures as inline SVG,
//! the dates in dispute and every event with the sentences that report it.
//! All text from the articles is escaped; the page has no scripts and its
//! content security policy allows none.

use super::markup::escape;
use crate::error::Error;
use crate::figure::{render, Figure, FigureFormat, FigureOptions};
use crate::strings::{strings, Strings};
use lagebild_core::dossier::{Dossier, DossierEvent, Period};
use lagebild_core::{Language, Modality};
use std::fmt::Write;

const STYLE: &str = "\
body{font-family:'DejaVu Sans',Verdana,sans-serif;color:#1d2430;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.45}\
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d5dae1}\
.made{color:#5f6b7a;margin-top:0}figure{margin:1.5rem 0;break-inside:avoid}figure svg{width:100%;height:auto}\
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #d5dae1}\
td.date{white-space:nowrap}ul.cited{margin:0;padding-left:1rem}cite{color:#5f6b7a;font-style:normal;font-size:.85em}\
.disputed{color:#D55E00;font-weight:bold}@page{size:A4;margin:15mm}";

/// The dossier as a self-contained HTML page.
pub fn html(dossier: &Dossier, options: &FigureOptions) -> Result<String, Error> {
    let language = options.language.unwrap_or(dossier.language);
    let s = strings(language);
    let names = Names { dossier, language };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        language.code(),
        escape(&s.html_title)
    );
    let counts = (
        s.count(dossier.articles.len(), &s.articles_one, &s.articles_many),
        s.count(dossier.events.len(), &s.events_one, &s.events_many),
    );
    let made = crate::strings::fill(&s.html_made, &[("articles", &counts.0), ("events", &counts.1)]);
    let _ = writeln!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"made\">{}</p>\n</header>",
        escape(&s.html_title),
        escape(&made)
    );

    let _ = writeln!(out, "<section>\n<h2>{}</h2>\n<ul>", escape(&s.html_articles));
    for article in &dossier.articles {
        let title = article.title.as_deref().unwrap_or(&article.name);
        let date = article.published.as_deref().map_or_else(|| s.no_date.clone(), |d| s.date(d));
        let _ = writeln!(
            out,
            "<li>{} <cite>{} · {}</cite></li>",
            escape(title),
            escape(&article.name),
            escape(&date)
        );
    }
    let _ = writeln!(out, "</ul>\n</section>");

    let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&s.html_figures));
    for figure in [Figure::Timeline, Figure::Network, Figure::Escalation] {
        let svg = String::from_utf8_lossy(&render(dossier, figure, FigureFormat::Svg, options)?).into_owned();
        let _ = writeln!(out, "<figure>\n{}\n</figure>", inline_svg(&svg));
    }
    let _ = writeln!(out, "</section>");

    if !dossier.conflicts.is_empty() {
        let _ = writeln!(
            out,
            "<section>\n<h2>{}</h2>\n<p>{}</p>\n<ul>",
            escape(&s.html_disputed),
            escape(&s.html_disputed_intro)
        );
        for conflict in &dossier.conflicts {
            let sides: Vec<String> = conflict
                .claims
                .iter()
                .map(|c| {
                    format!(
                        "<strong>{}</strong> ({})",
                        escape(&s.date(&c.when)),
                        escape(&c.articles.join(", "))
                    )
                })
                .collect();
            let what = conflict
                .claims
                .first()
                .and_then(|c| dossier.events.iter().find(|e| e.id == c.event))
                .map(|e| names.what(e, s))
                .unwrap_or_default();
            let versus = format!(" {} ", escape(&s.html_versus));
            let _ = writeln!(out, "<li>{}: {}</li>", escape(&what), sides.join(&versus));
        }
        let _ = writeln!(out, "</ul>\n</section>");
    }

    let _ = writeln!(
        out,
        "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        escape(&s.html_events),
        escape(&s.col_date),
        escape(&s.col_actors),
        escape(&s.col_event),
        escape(&s.col_evidence)
    );
    for event in chronological(dossier) {
        let date = event.when.as_deref().map_or_else(|| s.no_date.clone(), |w| s.date(w));
        let disputed =
            if event.conflicts_with.is_empty() { "" } else { " <span class=\"disputed\">!</span>" };
        let mut kind = format!("{} ({})", s.event_type(event.event_type), s.quad(event.quad));
        if event.modality != Modality::Asserted {
            kind = format!("{kind}, {}", s.modality(event.modality));
        }
        let _ = write!(
            out,
            "<tr><td class=\"date\">{}{disputed}</td><td>{}</td><td>{}</td><td><ul class=\"cited\">",
            escape(&date),
            escape(&names.who(event)),
            escape(&kind)
        );
        for report in &event.reports {
            let _ = write!(
                out,
                "<li><q>{}</q> <cite>{}</cite></li>",
                escape(&report.sentence),
                escape(&report.article)
            );
        }
        let _ = writeln!(out, "</ul></td></tr>");
    }
    let _ = writeln!(out, "</tbody>\n</table>\n</section>\n</body>\n</html>");
    Ok(out)
}

/// The SVG element of a plotters document, labelled for screen readers.
fn inline_svg(svg: &str) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    svg[start..].replacen("<svg", "<svg role=\"img\"", 1)
}

/// Dated events by date (day before month before year at the same start),
/// then the undated ones, each group in dossier order.
fn chronological(dossier: &Dossier) -> Vec<&DossierEvent> {
    let mut events: Vec<&DossierEvent> = dossier.events.iter().collect();
    events.sort_by_key(|e| match e.when.as_deref().and_then(Period::parse) {
        Some(p) => (0, p.first, p.days()),
        None => (1, chrono::NaiveDate::MIN, 0),
    });
    events
}

/// Actor names in the briefing's language.
struct Names<'d> {
    dossier: &'d Dossier,
    language: Language,
}

impl Names<'_> {
    fn name(&self, id: &str) -> String {
        match self.dossier.actors.iter().find(|a| a.id == id) {
            Some(a) if self.language == Language::De && self.dossier.language == Language::De => {
                a.label.clone()
            }
            Some(a) => a.name.clone(),
            None => id.to_string(),
        }
    }

    /// "Russland → Nordkorea", "Putin ↔ Kim Jong-un" for a mutual act.
    fn who(&self, event: &DossierEvent) -> String {
        let list = |ids: &[String]| ids.iter().map(|id| self.name(id)).collect::<Vec<_>>().join(", ");
        let arrow = if event.mutual { "↔" } else { "→" };
        if event.targets.is_empty() {
            list(&event.sources)
        } else {
            format!("{} {arrow} {}", list(&event.sources), list(&event.targets))
        }
    }

    /// "Kritik: EU → Nordkorea".
    fn what(&self, event: &DossierEvent, s: &Strings) -> String {
        format!("{}: {}", s.event_type(event.event_type), self.who(event))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_dossier::dossier_of;
    use lagebild_core::EventType;

    #[test]
    fn article_text_is_escaped_everywhere() {
        let mut dossier = dossier_of(&[("e1", "2024-10-24", "a", "b", EventType::Assault)]);
        dossier.events[0].reports[0].sentence = "<script>alert('x')</script> & <img src=x onerror=y>".into();
        let html = html(&dossier, &FigureOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        assert!(!html.contains("<script") && !html.contains("<img"), "{html}");
        assert!(html
            .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;"));
        assert!(html.contains("A test &lt;article&gt; &amp; more"), "the title is escaped");
        // The title also reaches the figures' source lines, escaped by the SVG writer.
        assert!(!html.contains("<article>"));
    }

    #[test]
    fn disputed_dates_are_listed_with_both_sides() {
        let mut dossier = dossier_of(&[
            ("e1", "2024-10-24", "a", "b", EventType::Assault),
            ("e2", "2024-10-27", "a", "b", EventType::Assault),
        ]);
        dossier.events[0].conflicts_with = vec!["d2".into()];
        dossier.events[1].conflicts_with = vec!["d1".into()];
        dossier.conflicts = vec![lagebild_core::dossier::DateConflict {
            claims: vec![
                lagebild_core::dossier::DateClaim {
                    event: "d1".into(),
                    when: "2024-10-24".into(),
                    articles: vec!["one".into()],
                },
                lagebild_core::dossier::DateClaim {
                    event: "d2".into(),
                    when: "2024-10-27".into(),
                    articles: vec!["two".into()],
                },
            ],
        }];
        let html = html(&dossier, &FigureOptions::default()).unwrap_or_else(|e| panic!("{e}"));
        assert!(html.contains("Dates in dispute"));
        assert!(html.contains("assault: A → B: <strong>24 Oct 2024</strong> (one) against <strong>27 Oct 2024</strong> (two)"), "{html}");
        assert_eq!(html.matches("class=\"disputed\"").count(), 2);
    }
}
