// The chrono-node side of the date comparison (run by compare.py).
//
//   node chrono_dates.mjs ARTICLES.jsonl REPEAT
//
// Reads the article list (one {"name", "text", "published", "language"}
// object a line), parses each text with chrono's parser for its language
// (chrono.de or chrono.en) against its publication date, once untimed and
// then REPEAT timed passes, and prints one JSON object: the seconds of each
// timed pass and, per article, what chrono found. The date of a result is
// given at the precision chrono states: the day when it knows the day or the
// weekday (or no date part at all, as for "at 3pm", where it returns the
// reference day), else the month, else the year.
import { readFileSync } from "node:fs";
import * as chrono from "chrono-node";

const [listPath, repeatArg] = process.argv.slice(2);
const repeat = Number.parseInt(repeatArg ?? "1", 10);
if (!listPath || !(repeat >= 1)) {
  console.error("usage: node chrono_dates.mjs ARTICLES.jsonl REPEAT");
  process.exit(2);
}

const parsers = { de: chrono.de, en: chrono.en };
const articles = readFileSync(listPath, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line))
  .map((a) => {
    const [year, month, day] = a.published.split("-").map(Number);
    return { ...a, parser: parsers[a.language], reference: new Date(year, month - 1, day, 12) };
  });

const pad = (n, width) => String(n).padStart(width, "0");

/** The result's start as a TIMEX3-style value at the precision chrono states. */
function value(start) {
  const year = pad(start.get("year"), 4);
  const month = pad(start.get("month"), 2);
  const day = pad(start.get("day"), 2);
  const certain = (c) => start.isCertain(c);
  const statesDatePart = ["year", "month", "day", "weekday"].some(certain);
  if (certain("day") || certain("weekday") || !statesDatePart) return `${year}-${month}-${day}`;
  if (certain("month")) return `${year}-${month}`;
  return year;
}

function pass() {
  return articles.map((a) => a.parser.parse(a.text, a.reference));
}

pass();
const seconds = [];
let results = [];
for (let i = 0; i < repeat; i++) {
  const started = process.hrtime.bigint();
  results = pass();
  seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
}
const found = results.map((list, i) => ({
  name: articles[i].name,
  dates: list.flatMap((r) => [
    { text: r.text, index: r.index, value: value(r.start) },
    ...(r.end ? [{ text: r.text, index: r.index, value: value(r.end) }] : []),
  ]),
}));
console.log(JSON.stringify({ tool: "chrono-node", seconds, articles: found }));
