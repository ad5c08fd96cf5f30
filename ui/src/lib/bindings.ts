// Generated from crates/lagebild-core/src/model.rs by ts-rs. Do not edit:
// run `UPDATE_BINDINGS=1 cargo test -p lagebild-core bindings` instead.

export type Span = [number, number];

export type OffsetUnit = "utf8" | "utf16";

export type Language = "de" | "en";

export type PublishedSource = "text" | "given";

export type Briefing = { 
/**
 * Always [`SCHEMA`].
 */
schema: string, 
/**
 * The unit of every span in this briefing.
 */
offsets: OffsetUnit, 
/**
 * The article's language.
 */
language: Language, 
/**
 * The headline, when one was found.
 */
title: string | null, 
/**
 * The author, when a byline names one.
 */
author: string | null, 
/**
 * Publication date, `YYYY-MM-DD`; the anchor for relative dates.
 */
published: string | null, 
/**
 * Where `published` came from.
 */
published_source: PublishedSource | null, 
/**
 * The cleaned article text that every span points into.
 */
text: string, 
/**
 * The sentences, in order.
 */
sentences: Array<Span>, 
/**
 * States, organisations, people and groups.
 */
actors: Array<Actor>, 
/**
 * Every date expression found, dated or not.
 */
dates: Array<DateMention>, 
/**
 * Who did what to whom, and when.
 */
events: Array<Event>, 
/**
 * What the events add up to per directed actor pair.
 */
relations: Array<Relation>, 
/**
 * The escalation index per month, for the whole article.
 */
escalation: Array<EscalationPoint>, };

export type ActorKind = "state" | "organization" | "person" | "group";

export type Actor = { 
/**
 * Stable lower_snake_case id, the same across articles and languages.
 */
id: string, 
/**
 * Canonical English name.
 */
name: string, 
/**
 * What kind of actor it is.
 */
kind: ActorKind, 
/**
 * The forms the article uses for it, in base form where known.
 */
aliases: Array<string>, 
/**
 * The actor a person or sub-body acts for.
 */
member_of: string | null, 
/**
 * Where it is mentioned.
 */
mentions: Array<Span>, };

export type TimexKind = "date" | "duration" | "set";

export type Precision = "decade" | "year" | "season" | "month" | "week" | "day";

export type DateModifier = "START" | "MID" | "END" | "APPROX" | "BEFORE" | "AFTER";

export type DateAnchor = "stated" | "published" | "previous";

export type DateMention = { 
/**
 * Where it stands.
 */
span: Span, 
/**
 * Date, duration or set.
 */
kind: TimexKind, 
/**
 * TIMEX3-style value: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-SU` (season),
 * `197` (decade); for durations `P3W` and the like. Null when unresolved.
 */
value: string | null, 
/**
 * How fine the value is.
 */
precision: Precision | null, 
/**
 * START, MID, END, APPROX, BEFORE, AFTER.
 */
modifier: DateModifier | null, 
/**
 * Whether the value was stated or inferred, and from what.
 */
anchor: DateAnchor, };

export type EventType = "AGREE" | "CONSULT" | "SUPPORT" | "REQUEST" | "CONCEDE" | "COOPERATE" | "AID" | "RETREAT" | "INVESTIGATE" | "DEMAND" | "DISAPPROVE" | "ACCUSE" | "REJECT" | "THREATEN" | "PROTEST" | "MOBILIZE" | "SANCTION" | "COERCE" | "ASSAULT" | "FIGHT";

export type Quad = "verbal_cooperation" | "material_cooperation" | "verbal_conflict" | "material_conflict";

export type Modality = "asserted" | "reported" | "speculative" | "negated" | "planned";

export type Event = { 
/**
 * `e1`, `e2`, … in text order.
 */
id: string, 
/**
 * TIMEX3-style date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), null when undated.
 */
when: string | null, 
/**
 * How fine `when` is.
 */
precision: Precision | null, 
/**
 * The date's modifier (START for "Anfang August").
 */
when_modifier: DateModifier | null, 
/**
 * Whether `when` was inferred rather than stated in full.
 */
when_inferred: boolean, 
/**
 * Actor ids of those who act.
 */
sources: Array<string>, 
/**
 * Actor ids of those acted upon.
 */
targets: Array<string>, 
/**
 * A symmetric act (meeting, treaty): either direction holds.
 */
mutual: boolean, 
/**
 * The PLOVER type.
 */
type: EventType, 
/**
 * The CAMEO quad class of `type`.
 */
quad: Quad, 
/**
 * Goldstein-scale intensity, -10 (most conflictual) to +10.
 */
intensity: number, 
/**
 * Asserted, reported, speculative, negated or planned.
 */
modality: Modality, 
/**
 * The word or phrase that signals the event.
 */
trigger: string, 
/**
 * Where the trigger stands.
 */
trigger_span: Span, 
/**
 * Where the governing date expression stands, if any.
 */
time_span: Span | null, 
/**
 * The sentence the event was read from.
 */
sentence_span: Span, };

export type QuadCounts = { 
/**
 * Statements of support, appeals, meetings, agreements.
 */
verbal_cooperation: number, 
/**
 * Aid, deliveries, troops sent to help.
 */
material_cooperation: number, 
/**
 * Criticism, demands, threats.
 */
verbal_conflict: number, 
/**
 * Force, sanctions, attacks.
 */
material_conflict: number, };

export type Relation = { 
/**
 * The actor acting.
 */
source: string, 
/**
 * The actor acted upon.
 */
target: string, 
/**
 * Events per quad class.
 */
counts: QuadCounts, 
/**
 * The sum of the events' Goldstein intensities.
 */
intensity: number, 
/**
 * The events behind these figures (asserted or reported ones only).
 */
events: Array<string>, 
/**
 * The pair's escalation index per month.
 */
escalation: Array<EscalationPoint>, };

export type EscalationPoint = { 
/**
 * The month, `YYYY-MM`.
 */
period: string, 
/**
 * The index.
 */
index: number, 
/**
 * The events it is made of.
 */
events: Array<string>, };

export type Document = { 
/**
 * File name or a name the analyst gave it.
 */
name: string, 
/**
 * The analysis.
 */
briefing: Briefing, };

export type Dossier = { 
/**
 * The articles, in the order given.
 */
articles: Array<DossierArticle>, 
/**
 * The language most articles are written in (the first article's on a tie).
 */
language: Language, 
/**
 * The actors of all articles, merged by id, in order of first mention.
 */
actors: Array<DossierActor>, 
/**
 * The events, each once with all its reports, in order of first report.
 */
events: Array<DossierEvent>, 
/**
 * Events that are plausibly one act but whose sources disagree on the date.
 */
conflicts: Array<DateConflict>, 
/**
 * What the merged events add up to per directed actor pair.
 */
relations: Array<Relation>, 
/**
 * The escalation index per month, for the whole dossier.
 */
escalation: Array<EscalationPoint>, };

export type DossierArticle = { 
/**
 * The name it was opened under.
 */
name: string, 
/**
 * Its headline, when one was found.
 */
title: string | null, 
/**
 * Its language.
 */
language: Language, 
/**
 * Its publication date, `YYYY-MM-DD`.
 */
published: string | null, };

export type DossierActor = { 
/**
 * The stable id shared by all articles.
 */
id: string, 
/**
 * Canonical English name.
 */
name: string, 
/**
 * The name to show in the dossier's language: the canonical name in
 * English; in German the first capitalised form a German article uses
 * ("Nordkorea"), else the canonical name.
 */
label: string, 
/**
 * What kind of actor it is.
 */
kind: ActorKind, 
/**
 * Every form the articles use for it.
 */
aliases: Array<string>, 
/**
 * The actor it acts for, as the first article that says so has it.
 */
member_of: string | null, 
/**
 * Mentions in all articles together.
 */
mentions: number, 
/**
 * The names of the articles that mention it.
 */
articles: Array<string>, };

export type DossierEvent = { 
/**
 * `d1`, `d2`, … in order of first report.
 */
id: string, 
/**
 * The finest date its reports give, null when none gives one.
 */
when: string | null, 
/**
 * How fine `when` is.
 */
precision: Precision | null, 
/**
 * The modifier of the report that gave `when`.
 */
when_modifier: DateModifier | null, 
/**
 * Actor ids of those who act (as the first report has them).
 */
sources: Array<string>, 
/**
 * Actor ids of those acted upon.
 */
targets: Array<string>, 
/**
 * A symmetric act: either direction holds.
 */
mutual: boolean, 
/**
 * The PLOVER type.
 */
type: EventType, 
/**
 * The CAMEO quad class.
 */
quad: Quad, 
/**
 * Goldstein-scale intensity of the type.
 */
intensity: number, 
/**
 * The most factual modality among the reports.
 */
modality: Modality, 
/**
 * Every article sentence that reports it.
 */
reports: Array<EventReport>, 
/**
 * Ids of the events whose date conflicts with this one's (see [`DateConflict`]).
 */
conflicts_with: Array<string>, };

export type EventReport = { 
/**
 * The article's name.
 */
article: string, 
/**
 * The event's id in that article's briefing.
 */
event: string, 
/**
 * The date this article gives.
 */
when: string | null, 
/**
 * How fine that date is.
 */
precision: Precision | null, 
/**
 * How this article tells it.
 */
modality: Modality, 
/**
 * The sentence, in the offsets of that article's briefing.
 */
sentence_span: Span, 
/**
 * The sentence's text.
 */
sentence: string, };

export type DateConflict = { 
/**
 * The two claims, earlier date first.
 */
claims: Array<DateClaim>, };

export type DateClaim = { 
/**
 * The dossier event.
 */
event: string, 
/**
 * The date its reports give.
 */
when: string, 
/**
 * The articles that give it.
 */
articles: Array<string>, };

export type AppInfo = { 
/**
 * The product name.
 */
name: string, 
/**
 * The version, `MAJOR.MINOR.PATCH`.
 */
version: string, };

export type ErrorCode = "empty" | "binary" | "encoding" | "too_large" | "bad_date" | "unreadable" | "internal";

export type ApiError = { 
/**
 * What went wrong, for the program.
 */
code: ErrorCode, 
/**
 * What went wrong and what to do, for the analyst.
 */
message: string, };
